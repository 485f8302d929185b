module Html.Attributes exposing (class)


class =
    ()
