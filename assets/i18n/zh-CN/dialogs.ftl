# 模态提问、帮助窗口，以及导出、导入和更新窗口。

## 模态提问

dialog-save = 保存
dialog-dont-save = 不保存
dialog-cancel = 取消
dialog-ok = 确定
dialog-list-separator = 、
dialog-and-more = …另有 { $count } 项
dialog-unsaved-body = 图表有未保存的更改，是否先保存？
dialog-delete-question = 确定删除{ $names }？
dialog-delete-body = 其下级可以保留（改为向其上级汇报），也可以一并删除。
dialog-keep-subordinates = 保留下级
dialog-delete-subtree = 删除整个分支
dialog-changed-on-disk-body = { $path } 在你打开后已被其他人或程序修改，现在保存会覆盖这些修改。
dialog-overwrite = 覆盖
dialog-save-as = 另存为…
dialog-reload = 重新加载
dialog-no-file-dialog = 此系统没有可用的文件对话框。请安装 xdg-desktop-portal（及桌面后端，如 xdg-desktop-portal-gtk）或 zenity，例如运行 `sudo apt install zenity`，然后重试。在此之前，也可以在这里直接输入文件路径。
dialog-file-path = 文件路径
dialog-path-export = 导出
dialog-path-open = 打开
dialog-path-compare = 对比
dialog-path-update = 预览更新
dialog-path-save = 保存
dialog-recover-body = Organigram 上次未正常关闭。以下图表有未保存的更改：
dialog-restore = 恢复 { $number }
dialog-discard = 丢弃 { $number }
dialog-not-now = 以后再说
dialog-not-now-tip = 保留这些副本，下次启动时会再次询问

## 帮助 > 键盘快捷键，帮助 > 关于

dialog-shortcuts-title = 键盘快捷键
dialog-shortcut-or = {"  或  "}
dialog-canvas-help = 画布：拖动空白处或滚动鼠标滚轮可平移；按住 Ctrl 滚动或双指捏合可缩放；把卡片拖到另一张卡片上可更换上级，拖到空白处可手动摆放；按住 Shift 或 Ctrl 单击可加选；双击可重命名；右键单击可查看更多操作。
dialog-about-title = 关于 Organigram
dialog-about-version = Organigram { $version }
dialog-about-tagline = 为组织设计人员打造的组织架构图编辑器。
dialog-about-card-font = 卡片字体：文泉驿微米黑子集（Apache-2.0）。
dialog-about-system-font = 界面中文字体：{ $font }（系统字体）。
dialog-about-built-with = 基于 egui、eframe 和 egui_graphs 构建。

## 文件 > 导出…

export-title = 导出
export-format = 格式
export-subtree = 仅导出所选卡片及其下级
export-duties = 在卡片上显示岗位职责（用作岗位说明书）
export-dark = 深色背景（不勾选则为适合打印的浅色）
export-title-above = 在图表上方显示标题
export-date = 在图表下方显示当前日期
export-colour-by = 着色依据
export-mark-changes = 标出与 { $base } 对比的变更（附图例）
export-png-scale = PNG 缩放倍数
export-change-list-help = 变更清单：每项变更一行，列出字段、原值和新值。
export-table-help = 每张卡片一行：ID、人事编号、类型、名称、任职者、上级、部门、编制、虚线汇报、岗位职责和备注。可用 Excel 打开，也可通过“文件”菜单中的“导入…”重新读入。
export-text-help = SVG 中的文字仍可编辑，PDF 中的文字仍可选中。
export-go = 选择文件并导出…
export-pdf-page = PDF 页面
export-page-natural = 原始大小
export-page-a4 = 缩放至 A4
export-page-a3 = 缩放至 A3
export-page-letter = 缩放至 Letter
export-landscape = 横向
export-page-per-unit = 先出总览页，再为每个部门各出一页，比例一致
export-duties-handouts = 为每个岗位另附一张岗位职责幻灯片（岗位职责总会写入演讲者备注）
export-pptx-help = 16:9 演示文稿，方框和连接线均可编辑。一张幻灯片放不下时，先给出总览幻灯片，再为每个部门各生成一张，所有幻灯片比例一致，文字不小于 9 磅。

## 文件 > 导入…

import-title = 导入花名册
import-go = 导入
import-go-tip = 将花名册作为新图表打开（尚未保存）
import-encoding = 编码
import-encoding-detect = 自动检测
import-encoding-detected = { $encoding }（自动检测）
import-sheet = 工作表
import-header-row = 表头行
import-line = 第 { $line } 行
import-line-cells = 第 { $line } 行：{ $cells }
import-managers-by = 上级识别方式
import-key-id = ID
import-key-name = 姓名
import-key-last-first = 姓，名
import-key-email = 邮箱
import-units = 按部门生成部门卡片
import-column-tip = 第 { $number } 列（{ $name }）包含的内容
import-column = 第 { $number } 列（{ $name }）
import-more-rows = …另有 { $count } 行
import-meaning-ignore = （不导入）
import-meaning-id = ID
import-meaning-reference = 人事编号
import-meaning-manager = 上级
import-meaning-name = 任职者姓名
import-meaning-first-name = 名
import-meaning-last-name = 姓
import-meaning-title = 岗位名称
import-meaning-unit = 部门
import-meaning-kind = 类型（助理）
import-meaning-email = 邮箱
import-meaning-headcount = 编制
import-meaning-status = 状态
import-meaning-duties = 岗位职责
import-meaning-notes = 备注
import-meaning-dotted = 虚线汇报上级
# $shown 是带千位分隔符的 $count：1,516。
import-summary-posts = { $shown } 个岗位
import-summary-top-posts = { $shown } 个顶层岗位
import-summary-depth = 共 { $depth } 层
import-summary-units = { $shown } 个部门
import-summary-problems = { $shown } 个问题
import-left-out = { $shown } 行未导入：状态显示已离职
import-problem = 第 { $line } 行：{ $problem }

## 文件 > 从人事文件更新…

update-title = 从人事文件更新
update-keeps = 组织架构、岗位名称和任职者以文件为准；图表中的岗位职责、备注、颜色、手动摆放的卡片、虚线汇报以及图表自建的部门均保持不变。
update-count-added = 新增 { $count }
update-count-removed = 删除 { $count }
update-count-moved = 调动 { $count }
update-count-changed = 变更 { $count }
update-counts = { $counts } · { $matched }
update-up-to-date = 图表已与该文件一致，无需更改。
update-choose-all = 全选
update-choose-none = 取消全选
update-apply = 应用 { $count } 项变更
update-apply-tip = 应用所选变更；撤销一次即可全部还原
update-problems = 文件中有 { $count } 个问题
update-change-line = { $kind }：{ $line }
