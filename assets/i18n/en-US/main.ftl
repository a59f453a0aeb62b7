# Words the library itself uses: new cards, the vacancy marker, counts.

new-chart = New organisation chart
new-unit = New unit
new-position = New position
new-assistant = Assistant
card-vacant = Vacant

count-posts = { $count ->
    [one] { $count } post
   *[other] { $count } posts
}

menu-language = Language
menu-language-system = Follow the system ({ $language })
menu-theme = Theme
menu-theme-system = Follow the system
menu-theme-dark = Dark
menu-theme-light = Light
menu-slide-shape = Slide shape
menu-slide-shape-widescreen = Widescreen slide, 16:9
menu-slide-shape-standard = Standard slide, 4:3
menu-slide-shape-paper = A4 or A3 paper, landscape
