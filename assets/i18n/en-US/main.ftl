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
