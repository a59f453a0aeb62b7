# 编辑器说的话：提示、撤销步骤、对话框标题、恢复副本摘要、卡片类型和窗口标题。

## 提示

msg-select-first = { $command }：请先选择一张卡片
msg-undid = 已撤销：{ $step }
msg-redid = 已重做：{ $step }
msg-nothing-to-undo = 没有可撤销的操作
msg-nothing-to-redo = 没有可重做的操作
msg-already-shown = 图表已按此方式显示
msg-nothing-pinned = 没有手动摆放的卡片，图表已是自动布局
msg-unpinned = 已将 { $count } 张手动摆放的卡片放回原位
msg-saved = 已保存 { $path }
msg-exported = 已导出 { $path }
msg-dialog-already-open = 已有一个文件对话框打开
msg-restored = 已恢复未保存的更改；请保存以免丢失
# $levels 和 $fit 是命令名称，$levels_key 和 $fit_key 是它们的快捷键。
msg-too-big-to-fit = 图表太大，适应窗口后难以看清：“{ $levels }”（{ $levels_key }，“视图”菜单）可概览全貌；“{ $fit }”（{ $fit_key }）可显示全部
msg-update-skipped = { $count } 项变更未能应用：{ $lines }
# msg-update-skipped 中各项变更之间的分隔符。
msg-list-separator = ；
msg-newer-minor = 此文件由更新版本的 Organigram 创建（格式 { $major }.{ $minor }）。文件已打开，但本版本无法识别的内容（{ $unknown }）会在保存时丢失；如需保留原文件，请使用“另存为”。
msg-pins-converted = { $count } 张手动摆放的卡片现在会随上级一起移动

## 撤销步骤

step-rename = 重命名
step-move = 移动
step-pin = 手动摆放
step-unpin = 放回原位
step-collapse = 折叠
step-expand = 展开
step-show-levels = 显示 { $count } 级
step-expand-all = 全部展开
step-relayout = 重新布局
step-delete-keep-subordinates = 删除（保留下级）
step-delete-subtree = 删除整个分支
step-chart-title = 修改图表标题
step-organisation = 修改组织名称
step-make-unit = 改为部门
step-make-position = 改为岗位
step-make-assistant = 改为助理
step-holder = 设置任职者
step-vacancy = 设置空缺
step-headcount = 修改编制
step-colour = 修改颜色
step-clear-colour = 清除颜色
step-notes = 修改备注
step-reference = 修改人事编号
step-add-dotted = 添加虚线汇报
step-remove-dotted = 删除虚线汇报
step-add-duty = 添加职责
step-paste-duties = 粘贴 { $count } 条职责
step-edit-duty = 修改职责
step-delete-duty = 删除职责
step-reorder-duties = 调整职责顺序
step-update = 从人事文件更新（{ $count } 项变更）

## 对话框标题

modal-unsaved = 未保存的更改
modal-delete = 删除
modal-open-failed = 无法打开图表
modal-open-sample-failed = 无法打开示例
modal-save-failed = 无法保存图表
modal-export-failed = 无法导出图表
modal-restore-failed = 无法打开恢复副本
modal-import-failed = 无法读取花名册
modal-compare-failed = 无法对比
modal-update-failed = 无法从人事文件更新
modal-changed-on-disk = 文件已被外部修改
modal-recover = 恢复未保存的更改
modal-open-chart = 打开图表
modal-save-chart = 保存图表
modal-export-chart = 导出图表
modal-import-roster = 导入花名册
modal-compare = 与图表或人事文件对比
modal-update-from = 从人事文件更新

## 系统文件对话框

modal-filter-format = { $format } 文件
modal-filter-roster = 花名册（CSV、文本、Excel、OpenDocument）
modal-filter-chart-or-roster = 图表或花名册
modal-filter-chart = Organigram 图表

## 恢复副本

recovery-just-now = 刚刚
recovery-minutes-ago = { $count } 分钟前
recovery-hours-ago = { $count } 小时前
recovery-days-ago = { $count } 天前
recovery-differ = 与已保存的文件相比有 { $count } 张卡片不同
recovery-file-gone = 已保存的文件不存在或无法读取
recovery-never-saved = { $count } 张卡片，从未保存
recovery-damaged = 副本已损坏
# $name 是图表，$when 是 recovery-…-ago 之一，$changes 是上面几行之一。
recovery-summary = { $name } — { $when }保存；{ $changes }

## 卡片类型

kind-unit = 部门
kind-position = 岗位
kind-assistant = 助理

## 窗口标题

title-window = { $name } — Organigram
title-window-unsaved = { $name } • — Organigram
title-sample = { $name }（示例）
title-untitled = 未命名
