# 属性面板：图表本身的字段，以及所选卡片的字段。

inspector-nothing-selected = 选中卡片即可编辑。双击卡片可重命名；把卡片拖到另一张卡片上可更换上级。
inspector-many-selected = 已选择 { $count } 张卡片；正在编辑最后一张。
inspector-chart = 图表
inspector-chart-title = 图表标题
inspector-organisation = 组织名称
# 所选卡片的标题：类型、编号和所属部门。
inspector-heading-in-unit = { $kind } #{ $id } · 所属部门：{ $unit }
inspector-heading = { $kind } #{ $id }
inspector-kind = 类型
inspector-name = 名称
inspector-title = 名称
inspector-holder = 任职者
inspector-vacant = 空缺
inspector-vacant-tip = 此岗位目前无人任职
inspector-headcount = 编制
inspector-colour = 颜色
inspector-no-colour = 无颜色
inspector-notes = 备注
inspector-reference = 人事编号
# $offset 是卡片相对上级卡片的偏移，如“+40, -12”。
inspector-placed-by-hand = 手动摆放（{ $offset }）
inspector-placed-by-hand-tip = 相对上级卡片的偏移量；随所在团队一起移动
inspector-put-back = 放回原位
inspector-subtree-folded = 折叠下级

## 虚线汇报

inspector-dotted-managers = 虚线汇报上级
inspector-remove-dotted = 删除向 { $name } 的虚线汇报
inspector-add-dotted = 添加虚线汇报上级
inspector-choose-position = 选择岗位…
inspector-filter = 筛选
# 用来区分同名岗位：“ · 向…汇报”及其上级。
inspector-reports-to = 向 { $manager } 汇报

## 职责

inspector-responsibilities = 部门职责（{ $count }）
inspector-duties = 岗位职责（{ $count }）
inspector-drag-to-reorder = 拖动可调整顺序
inspector-duty = 职责 { $number }
inspector-move-duty-up = 上移职责 { $number }
inspector-move-duty-down = 下移职责 { $number }
inspector-delete-duty = 删除职责 { $number }
inspector-new-duty = 新职责
inspector-new-duty-hint = 输入一条职责，或从文档中粘贴多行
inspector-add-duty = 添加职责
