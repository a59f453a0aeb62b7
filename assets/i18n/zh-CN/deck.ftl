# PowerPoint 演示文稿幻灯片上的文字（src/export/pptx）。

# 图表在另一张幻灯片上继续时，卡片指向那张幻灯片。
deck-link = { $posts ->
    [0] 见第 { $slide } 页
   *[other] { $posts } 个岗位，见第 { $slide } 页
}
# 接续上一张的岗位职责幻灯片的标题。
deck-continued = { $title }（续）
deck-holder = 任职者：{ $name }
deck-vacant = 该岗位空缺
deck-duties = 岗位职责
