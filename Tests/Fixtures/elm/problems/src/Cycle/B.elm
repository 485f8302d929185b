module Cycle.B exposing (b)

import Cycle.A


b =
    1
