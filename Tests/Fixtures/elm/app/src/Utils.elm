module Utils exposing (show)

{- Formatting helpers. "import Fake" in a comment is not an import. -}


show : Int -> String
show n =
    "count: " ++ String.fromInt n
