module Cycle.A exposing (a)

import Cycle.B


a =
    Cycle.B.b
