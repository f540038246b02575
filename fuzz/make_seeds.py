#!/usr/bin/env python3
"""Rebuilds the seed corpora in fuzz/seeds/ from tests/fixtures and a few small .docx files.

Run from the repository root: python3 fuzz/make_seeds.py
"""
import pathlib
import shutil
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def numbered(level, text):
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p>')


def table(rows):
    return "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    ) + "</w:tbl>"


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def write_docx(path, body, numbering=True, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document(body))
        if numbering:
            z.writestr("word/numbering.xml", NUMBERING)


def main():
    for d in ("notice", "docx", "docx_xml"):
        (SEEDS / d).mkdir(parents=True, exist_ok=True)
    fixtures = sorted((ROOT / "tests" / "fixtures" / "notices").glob("*.txt"))
    fixtures.append(ROOT / "tests" / "fixtures" / "seed-notice.txt")
    # The genre forms of issue #15 (running text, subjects, task tables, bulletins) and two real
    # texts without numbering; the PDFs for the pdf target.
    fixtures += sorted((ROOT / "tests" / "fixtures" / "genre-forms").glob("*.txt"))
    fixtures += [ROOT / "tests" / "fixtures" / "genres" / n for n in
                 ("11-changxing-fangxun-task-table.txt", "07-shengtaiqu-anquan-meeting.txt",
                  "34-tiexi-ducha-tongzhidan.txt")]
    # Texts of the third pass: a problem list under a heading with its units, subjects opening
    # items, a report list, a cut-off heading, bare unit brackets, 请 with several subjects.
    fixtures += [ROOT / "tests" / "fixtures" / "genres" / "unseen2" / n for n in
                 ("50-xuchang-dubantongzhi-22.txt", "51-datong-yinhuan-yuebao-tongbao.txt",
                  "54-jrly-fangxun-bushu-2013.txt", "62-beiguan-dudao-tongbao-report.txt",
                  "63-dalate-anweihui-yaodian-notice.txt", "64-dizhi-zaihai-fangzhi-notice.txt",
                  "65-guangyuan-zhiben-gongjian-plan.txt", "69-ningbo-renwu-fenjie-2006.txt",
                  "71-jize-qiangjiangyu-fangfan-notice.txt")]
    fixtures += [ROOT / "tests" / "fixtures" / "genres" / "unseen" / "30-qingjiao-huohuan-plan.txt"]
    # Texts of the fifth session's rules: 〔〕 inside names, a news item's dated tasks, a lead-in's
    # colon and space, 叁是, an inspection's own plan and teams, 请 with any verb.
    fixtures += [ROOT / "tests" / "fixtures" / "genres" / "unseen4" / n for n in
                 ("100-quanguo-gaoceng-zhili-huiyi.txt", "106-shancheng-gaoceng-xiaofang-diaodu.txt",
                  "110-fanghuoqiang-zerenbumen-fengong-2011.txt", "112-huainan-qingjiao-huohuan-ducha-tongzhi.txt",
                  "119-songyang-senlin-huoxian-chengse-yujing.txt", "121-jiangxi-chengzhen-ranqi-jianguan-yijian.txt")]
    for f in fixtures:
        shutil.copy(f, SEEDS / "notice" / f.name)
    (SEEDS / "pdf").mkdir(parents=True, exist_ok=True)
    for f in ("remarks.pdf", "scanned.pdf"):
        shutil.copy(ROOT / "tests" / "fixtures" / "pdf" / f, SEEDS / "pdf" / f)
    # The same notice as UTF-16LE with a BOM, and as UTF-8 with a BOM.
    text = (ROOT / "tests" / "fixtures" / "notices" / "02-task-division.txt").read_text("utf-8")
    (SEEDS / "notice" / "02-utf16le-bom.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (SEEDS / "notice" / "02-utf8-bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    numbered_body = "".join([
        para("临江市消防救援支队关于开展夏季消防检查的通知"),
        para("各大队、机关各科室："),
        para("现将有关事项通知如下："),
        numbered(0, "检查重点"),
        numbered(1, "高层建筑。"),
        numbered(2, "6月15日前完成消防设施抽查。（责任单位：防火监督科）"),
        numbered(2, "督促物业&amp;业主每月开展巡查。"),
        numbered(1, "商业综合体。"),
        numbered(3, "落实消防安全管理人制度。"),
        numbered(0, "工作要求"),
        para("各大队要高度重视。（责任单位：各大队）"),
    ])
    table_body = "".join([
        para("辽宁省消防救援总队关于印发重点工作任务分解的通知"),
        para("各支队、机关各处室："),
        para("现将任务分解如下。"),
        para("一、重点任务"),
        table([
            ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
            ["1", "开展高层建筑消防安全专项治理", "防火监督处", "各支队", "2024年6月底前"],
            ["2", "完善跨区域增援预案", "作战训练处", "指挥中心、各支队", "长期坚持"],
            ["3", "每季度开展火灾形势分析", "", "防火监督处", "每季度"],
        ]),
    ])
    for target in ("docx", "notice"):
        out = SEEDS / target
        write_docx(out / "numbered.docx", numbered_body)
        write_docx(out / "table.docx", table_body, numbering=False)
        write_docx(out / "plain-stored.docx", para("一、加强检查。（责任处室：防火处）"), numbering=False,
                   compression=zipfile.ZIP_STORED)
    # docx_xml: word/document.xml, then a NUL and word/numbering.xml.
    out = SEEDS / "docx_xml"
    (out / "numbered.xml").write_bytes(document(numbered_body).encode() + b"\0" + NUMBERING.encode())
    (out / "table.xml").write_bytes(document(table_body).encode())
    (out / "plain.xml").write_bytes(document(para("一、加强检查。（责任处室：防火处）")).encode())


if __name__ == "__main__":
    main()
