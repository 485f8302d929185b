module Shared exposing (Model, init)

import Json.Encode


type alias Model =
    { count : Int }


init : Model
init =
    { count = 0 }


encode : Model -> Json.Encode.Value
encode model =
    Json.Encode.object [ ( "count", Json.Encode.int model.count ) ]
