module Main exposing (main)

import Html exposing (div, text)
import Html.Attributes as Attr
import Json.Decode exposing
    ( Decoder
    , field
    )
{- a {- nested -} comment -} import Maybe exposing (Maybe(..))

main = text "import Hidden"
