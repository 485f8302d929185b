module Page.Home exposing (Msg(..), update, view)

import Html exposing (Html, button, div, text)
import Html.Events exposing (onClick)
import Shared exposing (Model)
import Utils


type Msg
    = Increment
    | Decrement


update : Msg -> Model -> Model
update msg model =
    case msg of
        Increment ->
            { model | count = model.count + 1 }

        Decrement ->
            { model | count = model.count - 1 }


view : Model -> Html Msg
view model =
    div []
        [ button [ onClick Decrement ] [ text "-" ]
        , text (Utils.show model.count)
        , button [ onClick Increment ] [ text "+" ]
        ]
