# Words on the PowerPoint deck's slides (src/export/pptx).

# A card where the chart continues on another slide links there.
deck-link = { $posts ->
    [0] → slide { $slide }
    [one] 1 post → slide { $slide }
   *[other] { $posts } posts → slide { $slide }
}
# The title of a handout slide that continues the previous one.
deck-continued = { $title } (continued)
deck-holder = Holder: { $name }
deck-vacant = This post is vacant
deck-duties = Duties
