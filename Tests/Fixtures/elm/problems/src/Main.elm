module Main exposing (main)

import Cycle.A
import Html
import Html.Attributes
import Json.Decode
import Page.Home
import Shared
import Utils


main =
    Html.text (Utils.show Shared.name)
