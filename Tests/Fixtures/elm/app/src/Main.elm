module Main exposing (main)

{-| The fixture application's entry: a counter page.
-}

import Browser
import Html exposing (Html)
import Page.Home as Home
import Page.About
import Shared exposing (Model, init)


main : Program () Model Home.Msg
main =
    Browser.sandbox { init = init, update = Home.update, view = view }


view : Model -> Html Home.Msg
view model =
    Html.div [] [ Home.view model, Page.About.view ]
