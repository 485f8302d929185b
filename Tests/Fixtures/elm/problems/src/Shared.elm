module Shared exposing (name)


name =
    "src"
