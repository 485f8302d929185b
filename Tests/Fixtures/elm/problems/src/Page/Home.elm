module Page.Homepage exposing (view)


view =
    ()
