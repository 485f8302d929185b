module Shared exposing (name)


name =
    "lib"
