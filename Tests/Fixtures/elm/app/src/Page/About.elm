module Page.About exposing (view)

import Html exposing (Html, p, text)
import Utils


view : Html msg
view =
    p [] [ text (Utils.show 42) ]
