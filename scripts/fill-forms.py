#!/usr/bin/python3
"""Fills duban's generated 反馈单 with LibreOffice over UNO, as an office would, and saves
the fixtures of tests/fixtures/forms/ (see scripts/make-forms-fixtures.sh, which starts the
office and calls this). Arguments: GENERATED_DIR PHOTO.png OUT_DIR."""
import os, shutil, sys, time

import uno
from com.sun.star.beans import PropertyValue

gen, photo, out = sys.argv[1:4]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect():
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(60):
        try:
            return resolver.resolve("uno:socket,host=127.0.0.1,port=2083;urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(1)
    raise SystemExit("LibreOffice did not start")


ctx = connect()
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
graphics = smgr.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", ctx)


def url(p):
    return uno.systemPathToFileUrl(os.path.abspath(p))


def load(path):
    return desktop.loadComponentFromURL(url(path), "_blank", 0, (prop("Hidden", True),))


def save(doc, path, filt, *extra):
    doc.storeToURL(url(path), (prop("FilterName", filt),) + extra)
    doc.close(True)


def graphic():
    return graphics.queryGraphic((prop("URL", url(photo)),))



word = os.path.join(gen, "反馈单_2022年第1号_防火监督处.docx")
excel = os.path.join(gen, "反馈单_2022年第2号_新闻宣传处.xlsx")


def fill_word(doc, photo=True):
    """Rows 1-3 of 防火监督处's 反馈单: 推进中 with a photo, 申请办结, an extension asked."""
    t = doc.TextTables.getByIndex(0)
    t.getCellByName("D2").setString("推进中")
    t.getCellByName("E2").setString("已对全市127家单位开展消防安全检查，整改隐患43处。")
    t.getCellByName("H2").setString("王强 0571-87651234")
    cell = t.getCellByName("E2")
    if not photo:
        g = None
    else:
        g = doc.createInstance("com.sun.star.text.TextGraphicObject")
    if g is not None:
        g.Graphic = graphic()
        size = uno.createUnoStruct("com.sun.star.awt.Size")
        size.Width, size.Height = 3000, 2250
        g.Size = size
        cursor = cell.createTextCursor()
        cursor.gotoEnd(False)
        cell.insertTextContent(cursor, g, False)
    t.getCellByName("D3").setString("申请办结")
    t.getCellByName("E3").setString("在建工地专项治理已完成，共检查工地36个，全部建立台账。")
    t.getCellByName("H3").setString("王强 0571-87651234")
    t.getCellByName("E4").setString("人员密集场所排查过半，涉及商场、医院两类。")
    t.getCellByName("F4").setString("2022-04-30")
    t.getCellByName("G4").setString("涉及多部门联合检查，需协调时间")
    t.getCellByName("H4").setString("李娜/13800001111")


# 1. The Word form filled and saved by LibreOffice.
doc = load(word)
fill_word(doc)
save(doc, f"{out}/filled-word.docx", "MS Word 2007 XML")

# 2. The Excel form of 新闻宣传处 filled: a state from the list, a real date, a photo on a row.
doc = load(excel)
sheet = doc.Sheets.getByName("反馈单")
# Row 4 (index 3) is the first directive under the header (index 2).
sheet.getCellRangeByName("D4").setString("推进中")
sheet.getCellRangeByName("E4").setString("已在微信公众号发布防火提示12篇。")
sheet.getCellRangeByName("H4").setString("赵敏 0571-86660000")
sheet.getCellRangeByName("D9").setString("申请办结")
sheet.getCellRangeByName("E9").setString("队伍管控制度已修订印发。")
sheet.getCellRangeByName("E10").setString("信息报告系统调试中。")
sheet.getCellRangeByName("F10").setFormula("2022-05-15")
sheet.getCellRangeByName("G10").setString("系统供应商延迟交付")
shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
shape.Graphic = graphic()
target = sheet.getCellRangeByName("E4")
sheet.DrawPage.add(shape)
size = uno.createUnoStruct("com.sun.star.awt.Size")
size.Width, size.Height = 2000, 1500
shape.Size = size
shape.Position = target.Position
shape.Anchor = target
save(doc, f"{out}/filled-excel.xlsx", "Calc MS Excel 2007 XML")

# 3. Rows deleted and reordered: row 2 removed, rows 3 and 4 swapped (their contents moved).
doc = load(word)
fill_word(doc)
t = doc.TextTables.getByIndex(0)
cols = "ABCDEFGH"
r3 = [t.getCellByName(f"{c}3").getString() for c in cols]
r4 = [t.getCellByName(f"{c}4").getString() for c in cols]
for c, a, b in zip(cols, r3, r4):
    t.getCellByName(f"{c}3").setString(b)
    t.getCellByName(f"{c}4").setString(a)
t.Rows.removeByIndex(1, 1)
save(doc, f"{out}/rows-deleted-reordered.docx", "MS Word 2007 XML")

# 4. A column added (备注) in the middle, and text typed in the wrong cell (a date in 进展情况).
doc = load(word)
fill_word(doc)
t = doc.TextTables.getByIndex(0)
t.Columns.insertByIndex(4, 1)
t.getCellByName("E1").setString("备注")
t.getCellByName("E2").setString("已上报")
t.getCellByName("G5").setString("下月底")
t.getCellByName("F5").setString("正在推进，预计下月完成。")
save(doc, f"{out}/column-added.docx", "MS Word 2007 XML")

# 5. Merged cells: 进展情况 and 申请延期至 of row 2 merged.
doc = load(word)
fill_word(doc)
t = doc.TextTables.getByIndex(0)
cur = t.createCursorByCellName("E2")
cur.goRight(1, True)
cur.mergeRange()
save(doc, f"{out}/merged-cells.docx", "MS Word 2007 XML")

# 6. Tracked changes left on (an earlier draft replaced while recording).
doc = load(word)
t = doc.TextTables.getByIndex(0)
t.getCellByName("E2").setString("初稿：已检查50家。")
doc.RecordChanges = True
fill_word(doc, photo=False)
save(doc, f"{out}/tracked-changes.docx", "MS Word 2007 XML")
# (A comment: LibreOffice 7.4 headless crashes exporting one; make-forms-fixtures.sh adds it.)

# 7. An old .doc renamed .docx, and a password-protected .docx.
doc = load(word)
fill_word(doc)
save(doc, f"{out}/old-word-renamed.docx", "MS Word 97")
doc = load(word)
fill_word(doc)
# LibreOffice 7.4 ignores a password when saving .docx; an encrypted Word 97 file renamed .docx
# reaches the reader the same way (an OLE container, as an encrypted .docx also is).
save(doc, f"{out}/password.docx", "MS Word 97", prop("Password", "1234"))

# 8. An unrelated document.
doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
doc.Text.setString("关于召开春季运动会的通知\n各单位：定于4月举行春季运动会。")
save(doc, f"{out}/unrelated.docx", "MS Word 2007 XML")

# The generated, unfilled forms too (the test checks it generates the very same identifiers).
shutil.copy(word, f"{out}/generated-word.docx")
shutil.copy(excel, f"{out}/generated-excel.xlsx")
desktop.terminate()
