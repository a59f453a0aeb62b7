# 编辑器的命令（菜单、工具栏、右键菜单、快捷键帮助）、菜单栏、状态栏、查找栏和大纲。

## 命令名称

cmd-new = 新建
cmd-open = 打开…
cmd-save = 保存
cmd-save-as = 另存为…
cmd-export = 导出…
cmd-export-handbook = 导出岗位职责手册…
cmd-import = 导入…
cmd-compare-with = 对比…
cmd-stop-comparing = 退出对比
cmd-update-from-hr = 从人事文件更新…
cmd-quit = 退出
cmd-undo = 撤销
cmd-redo = 重做
cmd-add-subordinate = 添加下级
cmd-add-assistant = 添加助理
cmd-add-sibling = 添加同级
cmd-add-unit = 添加部门
cmd-rename = 重命名
cmd-delete = 删除…
cmd-toggle-collapse = 折叠/展开
cmd-show-levels = 显示 { $count } 级
cmd-expand-all = 全部展开
cmd-relayout = 重新布局
cmd-zoom-in = 放大
cmd-zoom-out = 缩小
cmd-zoom-fit = 适应窗口
cmd-centre-selection = 所选卡片居中
cmd-stack-teams = 末级岗位分两列
cmd-duties-on-cards = 卡片显示职责
cmd-left-to-right = 从左到右布局
cmd-fit-to-slide = 适应幻灯片比例
cmd-find = 查找…
cmd-find-next = 查找下一个
cmd-find-previous = 查找上一个
cmd-select-parent = 选择上级
cmd-select-child = 选择第一个下级
cmd-select-previous-sibling = 选择上一个同级
cmd-select-next-sibling = 选择下一个同级
cmd-outline-panel = 大纲面板
cmd-inspector-panel = 属性面板
cmd-analysis = 组织分析
cmd-shortcuts = 键盘快捷键
cmd-about = 关于 Organigram

## 命令提示

cmd-new-tip = 新建一张空白图表
cmd-open-tip = 打开图表文件（.ron）
cmd-save-tip = 将图表保存到原文件
cmd-save-as-tip = 将图表保存为新文件
cmd-export-tip = 导出为 PDF、PNG 或 SVG，用于演示文稿和讲义；也可导出为 CSV 或 Excel
cmd-export-handbook-tip = 将岗位职责手册导出为 Word、PDF 或 Markdown：组织架构图、各部门职责和各岗位职责
cmd-import-tip = 用人事系统或 Excel 导出的花名册生成图表（CSV、文本、.xlsx、.xls、.ods）
cmd-compare-with-tip = 与另一张图表或人事文件对比，在当前图表上标出新增、调动、变更和删除的内容
cmd-stop-comparing-tip = 退出对比模式并清除所有标记
cmd-update-from-hr-tip = 按人事文件更新图表：入职、离职、调动和岗位名称变更；你的岗位职责、备注和布局保持不变
cmd-quit-tip = 关闭 Organigram
cmd-undo-tip = 撤销上一步操作
cmd-redo-tip = 重做上一步撤销的操作
cmd-add-subordinate-tip = 添加向所选卡片汇报的岗位
cmd-add-assistant-tip = 在所选岗位旁添加助理
cmd-add-sibling-tip = 在所选卡片旁添加岗位，汇报给同一上级
cmd-add-unit-tip = 在所选卡片下（或顶层）添加部门
cmd-rename-tip = 修改所选卡片的名称
cmd-delete-tip = 删除所选卡片；可选择是否保留其下级
cmd-toggle-collapse-tip = 折叠或展开所选卡片的全部下级
cmd-show-levels-tip = 将图表折叠到指定级数并适应窗口，便于概览大型图表
cmd-expand-all-tip = 展开所有卡片
cmd-relayout-tip = 将所有手动摆放的卡片放回原位
cmd-zoom-in-tip = 放大视图
cmd-zoom-out-tip = 缩小视图
cmd-zoom-fit-tip = 显示整张图表
cmd-centre-selection-tip = 将所选卡片滚动到窗口中央
cmd-stack-teams-tip = 将同一上级下的末级岗位沿连线排成两列，避免排成很宽的一行
cmd-duties-on-cards-tip = 在每张岗位卡片上显示岗位职责
cmd-left-to-right-tip = 图表从左到右排列，而不是自上而下
cmd-fit-to-slide-tip = 将过宽的下属行折成多行，使图表接近“幻灯片比例”中选定的比例（默认 16:9）
cmd-find-tip = 查找岗位名称、任职者和职责
cmd-find-next-tip = 转到下一个匹配项
cmd-find-previous-tip = 转到上一个匹配项
cmd-select-parent-tip = 选择所选卡片的上级
cmd-select-child-tip = 选择所选卡片的第一个下级
cmd-select-previous-sibling-tip = 选择左侧的卡片
cmd-select-next-sibling-tip = 选择右侧的卡片
cmd-outline-panel-tip = 显示或隐藏左侧的大纲面板
cmd-inspector-panel-tip = 显示或隐藏右侧的属性面板
cmd-analysis-tip = 在图表下方的面板中查看管理幅度、管理层级、空缺、部门和职责重叠
cmd-shortcuts-tip = 查看所有键盘快捷键
cmd-about-tip = 版本和许可信息

## 菜单

menu-file = 文件
menu-edit = 编辑
menu-view = 视图
menu-help = 帮助
menu-open-sample = 打开示例
menu-open-recent = 最近打开
menu-sample-seed-zh = 营销部组织架构图与岗位职责（示例，中文）
menu-sample-seed-en = Marketing Division（示例，英文）
menu-sample-northwind = Northwind Renewables（中型企业，285 个岗位）
menu-no-recent = 无最近打开的文件
menu-autosave = 自动保存
menu-autosave-off = 关闭
menu-autosave-30-seconds = 每 30 秒
menu-autosave-minute = 每分钟
menu-autosave-5-minutes = 每 5 分钟
menu-keep-backup = 保留上一版本（.bak）
menu-keep-backup-tip = 覆盖保存文件时，将旧文件保留在同一文件夹中，命名为“文件名.ron.bak”
menu-colour-by = 着色依据
menu-colour-by-unit = 部门
menu-colour-by-span-band = 管理幅度区间
menu-colour-by-layer = 管理层级
menu-colour-by-vacancy = 空缺情况
# 命令的提示，以及撤销或重做将要处理的那一步。
menu-tip-with-step = { $tip }：{ $step }

## 工具栏

# 工具的提示及其键盘快捷键。
toolbar-tip-with-shortcut = { $tip }（{ $shortcut }）

## 状态栏

status-positions = 岗位 { $count }
status-headcount = 编制 { $count }
status-vacancies = 空缺 { $count }
status-layers = 管理层级 { $count }
status-zoom = 缩放 { $percent }%
status-sample = 示例：{ $name }（如需保留更改，请“另存为”）
status-not-saved = 尚未保存
status-unsaved = { $place } • 有未保存的更改
status-dialog-open = 文件对话框已打开

## 查找栏

search-label = 查找
search-hint = 岗位名称、任职者或职责
search-previous = 上一个匹配项
search-next = 下一个匹配项
search-no-matches = 无匹配项
search-at = 第 { $at } 项，共 { $count } 项
search-matches = { $count } 个匹配项
search-close = 关闭查找

## 大纲

outline-heading = 大纲
outline-expand = 展开 { $name }
outline-collapse = 折叠 { $name }
outline-tab-changes = 变更
outline-tab-outline = 大纲
