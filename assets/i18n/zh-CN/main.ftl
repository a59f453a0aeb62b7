# 库本身用到的文字：新卡片、空缺标记、计数。

new-chart = 新建图表
new-unit = 新部门
new-position = 新岗位
new-assistant = 助理
card-vacant = 空缺

count-posts = { $count } 个岗位

menu-language = 语言
menu-language-system = 跟随系统（{ $language }）
menu-theme = 主题
menu-theme-system = 跟随系统
menu-theme-dark = 深色
menu-theme-light = 浅色
menu-slide-shape = 幻灯片比例
menu-slide-shape-widescreen = 宽屏幻灯片 16:9
menu-slide-shape-standard = 标准幻灯片 4:3
menu-slide-shape-paper = A4、A3 横向纸张
