"""People's names: who a title or teaser says was interviewed, initials and surnames written out.

Rules over the shapes titles and teasers take in English, German and Chinese ("an interview with
X", "X on …", "Interview mit X", "Wir sprachen mit X", "对话X：", "专访…X", "我们对…X进行了专访"), and
name matching that tolerates titles, initials and surnames ("OS" = "Prof. Oliver Sander", "RMS" =
"Richard M. Stallman", "Keller" = "Hanna Keller").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache

HAN = re.compile(r"[\u3400-\u9fff]")
TITLES = {"prof", "prof.", "professor", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "herr", "frau",
          "sir", "dame", "mister", "mayor", "ceo", "founder", "captain", "capt", "kapitän", "kapitänin"}
LETTER = r"(?:[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|['’.-])"  # of a Latin name: no ideograph ("Nakada进行了")
CAP = rf"[A-ZÄÖÜÉÈÁÍÓÚÇ]{LETTER}*"
PERSON = (
    rf"(?:(?:Prof|Dr|Mr|Mrs|Ms)\.?\s+)*{CAP}(?:\s+(?:[A-Z]\.|von|van|de|der|da|di|del|la|le|bin"
    rf"|al)?\s*{CAP}){{0,3}}"
)
LATIN_TITLE = [
    re.compile(rf"(?i:interview with|in conversation with|conversation with|conversations? with|q&a with|"
               rf"questions with|questions for|talks? (?:to|with)|talking (?:to|with)|talked (?:to|with)|spoke (?:to"
               rf"|with)|"
               rf"sat down with|chat with|meet|introducing|getting to know|get to know|"
               rf"interview mit|gespräch mit|im gespräch mit|unterhaltung mit|sprachen? mit|zu gast:?|fragen an|"
               rf"(?:\w+ )?questions to|antworten von|nachgefragt bei)\s+"
               rf"(?:(?i:the|der|die|das)\s+)?(?:[a-zäöüß][\w-]*\s+){{0,3}}?(?P<n>{PERSON})"),
    re.compile(rf"^(?P<n>{PERSON})\s*(?:[:：]|\s(?:on|über|about|im Interview|"
               rf"interview(?:ed)?|erklärt|explains|says|sagt)\b)"),
    re.compile(rf"[|–—]\s*(?P<n>{PERSON})\s*$"),
    re.compile(rf"[:：]\s*(?P<n>{PERSON})\s*$"),  # "Stimmen aus der Community: Klara Juhl" (checked in the text)
    re.compile(rf"^(?P<n>{PERSON})$"),
    # a person or a group answering: "FSFW beantwortet Fragen zu …", "The Rust Team answers your questions"
    re.compile(rf"(?P<n>{PERSON})\s+(?i:beantwortet|beantworten|antwortet auf|antworten auf|answers|answer|"
               rf"responds to|respond to|replies to|reply to)\s+(?:[\w'’]+\s+){{0,2}}?"
               rf"(?i:fragen|questions|leserfragen)\b"),
    # "Counting every tree: Marisol Tennant on the slow science of forest plots": a kicker, then who speaks on what
    re.compile(rf"[:：|–—]\s*(?P<n>{CAP}(?:\s+(?:[A-Z]\.\s+)?{CAP}){{1,2}})\s+(?:on|über|about)\s+(?-i:[a-zäöü\d])"),
]
KICKED_RULE = len(LATIN_TITLE) - 1
# "…Chris DiBona访谈", "Larry Wall 专访": a Latin name right before the word for interview
LATIN_BEFORE_HAN = re.compile(rf"(?P<n>{PERSON})\s*(?:访谈|訪談|专访|專訪|采访|採訪|对话|對話)")
# "马克·沙特尔沃思专访：…": a transliterated name (with ·) right before the word for interview
HAN_BEFORE = re.compile(r"(?P<run>[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12}?)\s*"
                        r"(?:访谈|訪談|专访|專訪|采访|採訪|对话|對話)")
# "专访Ubuntu Tweak的作者周鼎": a title about an interview that ends in a Han name
HAN_INTERVIEW = re.compile(r"专访|專訪|访谈|訪談|采访|採訪|对话|對話")
HAN_END = re.compile(r"(?P<run>[\u4e00-\u9fff·]{2,16})\s*$")
# what may come right before a name at the end of a Han run: 的, a role or title, or the word for interview
HAN_ROLE_BEFORE = re.compile(r"(?:的|家|者|人|师|師|师傅|師傅|员|員|长|長|生|创办人|創辦人|主编|主編|总裁|總裁|教授"
                             r"|导演|導演|院士|主席|专访|專訪|对话|對話|访谈|訪談)$")
HAN_RECORD = re.compile(r"(?:^|[:：|｜\s])(?P<run>[\u4e00-\u9fff·]{2,8}?)"
                        r"(?:教授|老师|老師|先生|女士|博士|院士|研究员|研究員)?"
                        r"(?:访谈录|訪談錄|访谈记录|訪談記錄|访谈实录|訪談實錄|采访记录|採訪記錄|口述实录|口述實錄|访谈|訪談|"
                        r"专访|專訪|对谈录|對談錄|口述)\s*$")
TRADE = re.compile(r"(?:员|員|师|師|家|者|商|匠|工|农|農|兵|手)$")  # "程序员访谈实录": a trade, not a name
HAN_HEAD = re.compile(r"^[^:：|｜]{0,30}?(?P<run>[\u4e00-\u9fff·]{2,16})\s*[:：]")
COLON_RULE = 3  # the LATIN_TITLE rule for a name after a colon
HAN_TITLE = re.compile(r"(?:对话|對話|专访|專訪|访谈|訪談|采访|採訪|独家对话|獨家對話|访问|訪問)"
                       r"(?!记录|記錄|实录|實錄|录|錄)\s*[:：|｜丨]?\s*"  # (not "…教授访谈记录": the record)
                       r"(?:《[^》]{1,20}》)?(?P<run>[\u4e00-\u9fff·]{2,16})")  # "对话《归潮》制作人林晓岚"
PERSON2 = rf"{CAP}(?:\s+(?:[A-Z]\.\s+)?{CAP}){{1,2}}"  # at least two words
LATIN_TEASER = [
    re.compile(rf"\bwurde\s+(?P<n>{PERSON2})\s+[^.]{{0,80}}?\binterviewt"),
    # "we asked Gwen Pritchard, who …", "we put our questions to the luthier Ann Lee."
    re.compile(rf"\b(?i:we|I)\s+(?i:asked|put (?:our|these|some|a few|the) questions to|interviewed|"
               rf"spoke (?:to|with)|talked (?:to|with))\s+(?:(?i:the)\s+[a-z][\w-]*\s+)?"
               rf"(?P<n>{PERSON2})(?=\s*(?:[,.;:(]|$|\s(?:who|about|on|why|how|what|when)\b))"),
    # "Wir haben Ingrid Sommerfeld in Immenstadt getroffen", "haben wir mit Ingrid Sommerfeld gesprochen"
    re.compile(rf"\b(?i:wir|ich)\s+(?:haben\s+|habe\s+|hat\s+)?(?:mit\s+)?(?P<n>{PERSON2})\s+"
               rf"(?:(?!\bund\b)[^.,;]){{0,40}}?\b(?:getroffen|befragt|gefragt|gesprochen|interviewt)\b"),
    re.compile(rf"(?:采访了|專訪了|专访了|採訪了|访问了|訪問了|对话了|對話了|邀请到|邀請到)"
               rf"[^，。,]{{0,30}}?(?P<n>{PERSON2})"),
    re.compile(rf"(?P<n>{PERSON2})\s*(?:接受了?|接受)[^，。]{{0,30}}?(?:采访|採訪|专访|專訪|群访|訪問)"),
    # "我们与 Kensei Nakada 进行了交流", "我们与 Anna Schmidt 和 Li Wei 进行了交流"
    re.compile(rf"(?:我们|我們|我)(?:与|與|和|跟)\s*(?P<n>{PERSON2})(?:\s*(?:和|与|與|及|、|，|,)\s*{PERSON2})*"
               rf"\s*(?:进行了|進行了)?(?:交流|对话|對話|访谈|訪談|聊了聊|谈了谈|談了談)"),
    # "…, sagt die Hydrologin Marlene Oberhauser im Gespräch", "…, says the engineer Ann Lee in an interview"
    re.compile(rf"\b(?:sagt|sagte|erzählt|erzählte|erklärt|erklärte|meint|betont|warnt|says|said|explains|tells us|"
               rf"argues|warns)\b[^.!?]{{0,60}}?(?P<n>{CAP}(?:\s+(?:von|van|de|der|zu|[A-Z]\.))?\s+{CAP})\s+"
               rf"(?:im (?:Gespräch|Interview)|in (?:an|this|our|the) (?:interview|conversation))\b"),
    # "This week I sat down (well, stood, …) with **Tomasz Wieczorek**, who …", "I caught up with Ann Lee"
    re.compile(rf"\b(?i:I|we)\s+(?i:sat down|caught up|met up|met|chatted)\b[^.!?]{{0,80}}?\bwith\s+(?:\*\*|__)?"
               rf"(?P<n>{PERSON2})(?=(?:\*\*|__)?\s*(?:[,.;:(]|$|\s(?:who|about|on|to)\b))"),
    # "Dr Imogen Thackeray, a building-energy engineer in Sheffield, answers them", "…, beantwortet sie"
    re.compile(rf"(?P<n>{PERSON2}),\s+(?:a|an|the|die|der|eine?)\s+"
               rf"(?:(?!\b(?:and|und)\s+(?:(?:Dr|Prof)\.?\s+)?[A-ZÄÖÜ])[^.!?]){{3,140}}?,\s+"
               rf"(?:answers|answered|responds|replies|beantwortet|antwortet)\b"),
    # "Mit Landrätin Sabine Korte sprach Jens Aldag.": a German paper's credit under its interview's lead
    re.compile(rf"\bMit\s+(?:(?:Landrätin|Landrat|(?:Ober)?[Bb]ürgermeister(?:in)?|Minister(?:in)?|Präsident(?:in)?|"
               rf"Direktor(?:in)?|Professor(?:in)?|Prof\.|Dr\.|Pfarrer(?:in)?|Trainer(?:in)?|Senator(?:in)?)\s+)*"
               rf"(?P<n>{PERSON2})\s+(?:sprach|sprachen|redete|redeten)\b"),
]
HAN_TEASER = [
    re.compile(r"(?:对|對|采访了|採訪了|专访了|專訪了|邀请到|邀請到|请到|請到)\s*(?P<run>[\u4e00-\u9fff·]{2,20}?)\s*"
               r"(?:进行了|進行了|做了)?(?:专访|專訪|采访|採訪|对话|對話|访谈|訪談)"),
    re.compile(r"(?:观点|觀點|口述|受访者|受訪者|受访人|受訪人|嘉宾|嘉賓)\s*[/／｜|：:]\s*\**\s*(?P<run>[\u4e00-\u9fff·]{2,4})"),
    re.compile(r"(?P<run>[\u4e00-\u9fff·]{2,12}?)\s*接受了?[^，。]{0,30}?(?:采访|採訪|专访|專訪|群访|訪問)"),
    re.compile(r"(?:我们|我們|我)(?:与|與|和|跟)(?P<run>[\u4e00-\u9fff·]{2,12}?)\s*(?:进行了|進行了)?"
               r"(?:交流|对话|對話|访谈|訪談|聊了聊|谈了谈|談了談)"),
    # "本報日前專訪林語彤，談…": the name right after the word for interview, ending at punctuation
    re.compile(r"(?:专访|專訪|采访|採訪|访问|訪問)了?\s*(?P<run>[\u4e00-\u9fff·]{2,4})(?=[，,。、；;：:（(])"),
    # "——访滨江市轨道交通集团董事长刘振华", "专访了…董事长刘振华。": a subtitle's or intro's name after a role
    re.compile(r"(?:——\s*(?:访|訪)|(?:专访|專訪|采访|採訪)了?)\s*(?P<run>[\u4e00-\u9fff·]{2,30}?"
               r"(?:长|長|总|總|书记|書記|主任|主席|教授|院士|经理|經理|总监|總監|创始人|創始人|馆长|館長|局长|局長|"
               r"校长|校長|院长|院長|技师|技師|师傅|師傅|专家|專家)[\u4e00-\u9fff·]{2,3})"
               r"(?=$|[，,。、；;：:（(\s])", re.M),
]


def words(name: str | None) -> list[str]:
    """A name's words without titles, case-folded and accents kept ("Prof. Oliver Sander" -> oliver, sander)."""
    text = unicodedata.normalize("NFKC", name or "").replace("·", " ").replace("-", " ")
    return [w for w in text.casefold().split() if w.strip(".") not in {t.strip(".") for t in TITLES}]


def initials(name: str) -> str:
    """ "Richard M. Stallman" -> "RMS", "Prof. Oliver Sander" -> "OS"."""
    return "".join(w[0] for w in words(name) if w[0].isalpha()).upper()


def same_person(a: str | None, b: str | None) -> bool:
    """Two renderings of one name: equal words, one within the other, or initials of the other."""
    if not a or not b:
        return False
    if HAN.search(a) or HAN.search(b):
        a2, b2 = re.sub(r"\s", "", a), re.sub(r"\s", "", b)
        short, long = sorted((a2, b2), key=len)
        if len(short) == 1:  # a family name alone ("邵：" after "邵明远："): the start of a two-to-four-character name
            return (short in SURNAMES and 2 <= len(long) <= 4 and long.startswith(short)
                    and bool(re.fullmatch(r"[\u3400-\u9fff]+", long)))
        return len(short) >= 2 and short in long
    wa, wb = set(words(a)), set(words(b))
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    for short, long in ((a, b), (b, a)):
        s = short.replace(".", "").strip()
        if s.isupper() and 2 <= len(s) <= 4 and " " not in s and initials(long) == s:
            return True
    return False


# The commonest Chinese family names (simplified and traditional), to find where a name starts.
SURNAMES = set(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董"
    "袁潘于於蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛"
    "闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏"
    "倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂塗成苗谷盛曲"
    "翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥"
    "褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇"
    "桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺达達"
    "区區冼劳勞容植洪傅赖賴辜锺乐樂")  # and in Hong Kong and Taiwan: 區, 冼, 勞, 容, 植, 洪, 賴, 辜 …
COMPOUND_SURNAMES = ("欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐", "慕容",
                     "端木")


HAN_TITLES = re.compile(r"(?:教授|老师|老師|先生|女士|博士|院士|主任|总裁|總裁|创始人|創辦人|董事长|董事長|总经理|總經"
                        r"理|"
                        r"经理|經理|主编|主編|医生|醫生|律师|律師|作家|导演|導演|同学|同學)+$")


def _han_name(run: str, text: str) -> str | None:
    """The personal name at the end of a Han run ("气候学家林婉清" -> "林婉清", "达巍教授" -> "达巍"): from
    a family name near its end, or else the ending the text itself repeats."""
    run = HAN_TITLES.sub("", run.strip("·"))
    for compound in COMPOUND_SURNAMES:
        k = run.rfind(compound)
        if k >= 0 and 3 <= len(run) - k <= 4:
            return run[k:]
    for size in (3, 2):
        if len(run) >= size and run[-size] in SURNAMES:
            return run[-size:]
    for size in (3, 2, 4):
        if len(run) >= size and text.count(run[-size:]) >= 2:
            return run[-size:]
    return None


def name_cased(caps: str) -> str:
    """A name in capitals with each word capitalised ("SEÁN O'BRIEN" -> "Seán O'Brien", "MARY-KATE D'ARCY" ->
    "Mary-Kate D'Arcy"; not "Ka'Ahumanu"): for where the page never writes it otherwise."""
    return " ".join(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), w)
                    if re.fullmatch(r"(?:[ODL]['’])?[^\W\d_]+(?:-[^\W\d_]+)*", w)
                    else w.capitalize() for w in caps.split())


def written_as(caps: str, sources: Sequence[str]) -> str | None:
    """A name or title in capitals ("TOMÁS ELLERBY") as a source writes it elsewhere ("Tomás Ellerby"), or
    None."""
    words = [re.sub(r"['’]", "['’]", re.escape(w)) for w in caps.split()]  # ("O’BRIEN" as "O'Brien")
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.I)
    for source in sources:
        for m in pattern.finditer(source):
            if m.group()[0].isupper() and not m.group().isupper():  # "Tomás Ellerby", not "os" or "OS"
                return " ".join(m.group().split())
    return None


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,:;")
    name = re.sub(r"^\S+[’']s\s+(?=\S+\s+\S)", "", name)  # "Frostline’s Marguerite Oyelaran-Pike": the person
    return name if re.search(r"\s[A-Z]\.$", name) else name.strip(" .")  # "Jannis R." keeps its initial's dot


def _nickname_owner(nick: str, text: str) -> str | None:
    """Whose nickname the text says a Chinese one is ("蔡承凱，大家都叫他阿凱", "陶建容（花名风天）"): the end of the
    run before it that starts a word with a family name and is a name ("的蔡承凱"; not "(货)车司机", "程序员")."""
    from retrieval.tokenize import _segmenter

    for found in NICKNAMED.finditer(text):
        if found.group("nick") != nick:
            continue
        before = re.search(r"[\u3400-\u9fff·・]{1,12}$", text[max(0, found.start("full") - 8):found.end("full")])
        run = before.group(0) if before else found.group("full")  # (segmented whole: "作家|严歌苓", not "家严|歌|苓")
        if re.search(r"[·・]", run):
            continue  # "托马斯·施密特（外号老托）": a foreign name, written whole only by the text
        words = _segmenter().cut(run)
        cuts = set(itertools.accumulate(len(w) for w in words))
        for k in (3, 2, 4):
            name = run[-k:] if k <= len(run) else ""
            start = len(run) - k
            first = next((w for w, end in zip(words, itertools.accumulate(len(w) for w in words), strict=True)
                          if end > start), "")  # the word the candidate opens with
            if name and name[0] in SURNAMES and (start in cuts or k == len(run)) and name != nick \
                    and (len(first) == 1 or first == name) and (k < 4 or name.startswith(COMPOUND_SURNAMES)) \
                    and not any(name.endswith(w) for w in KIN_WORDS | {"先生", "女士", "小姐", "老板"}) \
                    and not _common_word(name):
                return name  # (a name: "李明", "严歌苓"; not a word, "程序员", nor "司机|李明")
    return None


def nicknamed(label: str, text: str) -> str | None:
    """The full name the text gives for a label that is a nickname: "陶建容（花名风天）" for "风天：", "Ann Lee (aka
    Annie)" for "Annie:"; None where the text gives none."""
    if HAN.search(label):
        return _nickname_owner(label, text)
    aka = re.search(rf"(?P<n>{CAP}(?: {CAP}){{1,2}})\s*\((?:aka|a\.k\.a\.|known as|genannt)\s+{re.escape(label)}\)",
                    text)
    return aka.group("n") if aka else None


def from_titles(titles: Sequence[str | None], text: str = "") -> list[str]:
    """People the first of a page's titles that names any says were interviewed (the page's title first,
    then its other renderings: an og:title that is a quote, a <title> or <h1> that names the guest)."""
    shown = "\n".join([text, *filter(None, titles)])  # the renderings are text the page shows too
    for title in titles:
        found = from_title(NICKNAME.sub(" ", title) if title else title, shown)
        if found:
            return [_as_text_names(name, text) for name in found]
    return []


NICKNAME = re.compile(r"(?<=\w)\s+[(“\"‘'][A-Z][\w.-]*[)”\"’']\s+(?=[A-Z])")  # "VM (Vicky) Brasseur", 'Robert "Bob" …'


ROLE_NOUN = re.compile(r"^[A-ZÄÖÜ][\w-]{7,}(?:in|er|chef|chefin|leiter|leiterin|meister|meisterin|direktor|"
                       r"direktorin)$")  # a long role noun: "Revierförsterin", "Wasserverbund-Chef"


def _as_text_names(name: str, text: str) -> str:
    """A title's "Wasserverbund-Chef Albrecht" as the text names him ("Konrad Albrecht"): where the text never
    uses the title's words before the surname, and names someone of that surname in full."""
    *before, surname = name.split() or [""]
    if len(before) >= 2 and text and not HAN.search(name) and name not in text:  # "Interview mit Schriftstellerin
        rest = " ".join(name.split()[1:])  # Sonja Silberhorn", the text's "Sonja Silberhorn": the title's first word
        role = ROLE_NOUN.search(before[0]) or re.search(rf"(?<![\w-]){re.escape(before[0].casefold())}(?![\w-])", text)
        if role and re.search(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", text):  # her role ("the novelist Helen …")
            return rest
    if len(before) == 1 and ROLE_NOUN.search(before[0]) and text and not HAN.search(name):  # "Revierförsterin
        # Friederike Haslach" in the text: the title's word a role before her full name (not a given name's
        # "Anna Schmidt" beside "Anna Maria Schmidt")
        given = re.search(rf"(?<![\w-]){re.escape(' '.join(before))}\s+(?P<g>{CAP})\s+{re.escape(surname)}\b", text)
        if given and given.group("g").casefold().strip(".") not in {t.strip(".") for t in TITLES}:
            return f"{given.group('g')} {surname}"
    if not before or not text or name in text or HAN.search(name) \
            or any(re.search(rf"(?i)(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in before):
        return name
    named = full_name(surname, text)
    no_first_name = {t.strip(".") for t in TITLES} | SENTENCE_WORDS | APPOSITION
    others = {m.group(0) for m in re.finditer(rf"\b{CAP} {re.escape(surname)}\b", text)
              if m.group(0) != named and m.group(0).split()[0].casefold().strip(".") not in no_first_name}
    return named if named != surname and not others else name  # (not where the text names two of that name)


WHOSE_STORY = re.compile(r"(?i)(?:an? )?(?:oral history(?: interview)?|interview|conversation|gespräch|interview)"
                         r" (?:of|with|mit) (?P<n>[A-ZÄÖÜ][\w'’.-]*(?: [A-ZÄÖÜ][\w'’.-]*){1,3})")
# "Q&A: Glaciologist Sunniva …", "Fragebogen: Clara Brenner" (a questionnaire she answered)
POSSESSIVES = {"our", "my", "your", "their", "his", "her", "its", "unser", "unsere", "unseren", "unserem", "unserer",
               "mein", "meine", "ihr", "ihre", "sein", "seine"}
KICKER = re.compile(r"^\s*(?:Q\s?&\s?A|Q\s?and\s?A|Fragebogen|Questionnaire|Steckbrief)\s*[:|–—]\s*(?=\S)",
                    re.I)


def from_title(title: str | None, text: str = "") -> list[str]:
    """People a title says were interviewed."""
    if not title:
        return []
    kicked = KICKER.match(title)
    if kicked:
        found = from_title(title[kicked.end():], text)
        if found:
            return found
    whole = WHOSE_STORY.fullmatch(title.strip())  # "ORAL HISTORY OF MARGARET ELLISON": the one it is of
    if whole and len(whole.group("n").split()) >= 2:
        name = whole.group("n")
        return [" ".join(w.capitalize() for w in name.split()) if name.isupper() else name]
    out: list[str] = []
    for m in HAN_TITLE.finditer(title):
        name = _han_name(m.group("run"), text + title)
        if name and _han_named(m.group("run"), name):
            out.append(name)
    for m in HAN_BEFORE.finditer(title):
        out.append(m.group("run").strip("·"))
    for m in LATIN_BEFORE_HAN.finditer(title):
        name = _clean(m.group("n"))
        if len(words(name)) >= 2:
            out.append(name)
    head = HAN_HEAD.match(title)
    if not out and head:  # "执法22年的女主审林语彤：…", "陶艺家贺兰青：…": a name ends the part before the colon
        name = _han_name(head.group("run"), text)
        if (name and head.group("run").endswith(name) and (text + title).count(name) >= 3
                and (name[0] in SURNAMES or name.startswith(COMPOUND_SURNAMES))):
            out.append(name)
    record = HAN_RECORD.search(title)  # "…：林秀鳳教授訪談錄": the name before the word for the interview's record
    if not out and record:
        name = _han_name(record.group("run"), text + title)
        if name and record.group("run").endswith(name) and (name[0] in SURNAMES or name.startswith(COMPOUND_SURNAMES)) \
                and not TRADE.search(name):
            out.append(name)
    end = HAN_END.search(title)
    if not out and end and HAN_INTERVIEW.search(title):
        name = _han_name(end.group("run"), text + title)
        if name and name in text and _han_named(end.group("run"), name) and (
                name[0] in SURNAMES or name.startswith(COMPOUND_SURNAMES)):
            out.append(name)  # "…的作者周鼎": the name ends the title after 的 or a role (not "…、四年")
    after = LATIN_TITLE[COLON_RULE].search(title)
    named_after = after is not None and len(words(after.group("n"))) >= 2 and _addressed(_clean(after.group("n")), text)
    for k, rx in enumerate(LATIN_TITLE):
        for m in rx.finditer(title):
            name = _best_span(_clean(m.group("n")), text)
            if k == COLON_RULE and not _addressed(name, text):
                continue  # "Interview: Freie Software" names no one
            if k == 1 and named_after:
                continue  # "Community Spotlight: Priya Raman": the series, then the person
            if k in (1, COLON_RULE, KICKED_RULE) and _function_words(" ".join(name.split()[1:])):
                continue  # "Hands That Remember: Conversations on …": a phrase (a given name may be "Will")
            if name.split()[0].casefold() in POSSESSIVES:
                continue  # "Get to Know Our New Head Chef, Maria Lopez": a role before the name
            if name.split()[0].casefold() in (ARTICLES if k == 0 else ARTICLES | {"an", "a", "des", "den"}):
                continue  # "Kranich im Einsatz: Das Vermessungsamt Lindenau": a thing (after "with", "An Nguyen")
            if k == KICKED_RULE and not (_addressed(name, text) or (
                    name in text and not re.search(rf"[^.!?\n]*{re.escape(name)}[^.!?\n]*\?", text))):
                continue  # "Review: Tom Hanks on the big screen" (the text never names him, or asks about him: an
                # explainer's "What is Martin Keller accused of?")
            if (len(words(name)) >= 2 or name.isupper()) and not GENRE.search(name):
                out.append(name)
    return list(dict.fromkeys(out))


# "Oral History Interview: Margaret Okonkwo-Reyes (Class of 1979)": the words for the text's kind name no one
GENRE = re.compile(r"(?i)\b(?:interviews?|conversations?|gespräche?|transcripts?|transkripte?|podcasts?|episodes?|"
                   r"oral history)\b")


ARTICLES = {"the", "der", "die", "das", "ein", "eine", "einer", "dem"}  # (not "An", "Des": given names)


def _han_named(run: str, name: str) -> bool:
    """Whether a Han run ends in a name: the name is the whole run, or comes after 的 or a role
    ("…的作者周鼎", "气候学家林婉清"), not the end of a phrase ("…的设计和发布")."""
    k = run.rfind(name)
    before = run[:k] if k >= 0 else run
    return not before or bool(HAN_ROLE_BEFORE.search(before))


def _addressed(name: str, text: str) -> bool:
    """A name after a title's colon is a person when the text also uses its first word alone ("…, Klara!")."""
    parts = name.split()
    if len(parts) < 2:
        return False  # the full name need not recur: the text calling the person by the first name alone is enough
    return bool(re.search(rf"\b{re.escape(parts[0])}\b(?!\s+{re.escape(parts[1])})", text))


def _best_span(name: str, text: str) -> str:
    """Of "Kestrel Maintainer Mateo Ferreira", the ending the text itself uses most ("Mateo Ferreira")."""
    parts = name.split()
    if len(parts) <= 2 or not text:
        return name
    options = [" ".join(parts[k:]) for k in range(len(parts) - 1)]
    counts = {o: text.count(o) for o in options}
    best = max(options, key=lambda o: (counts[o] * len(o.split()) if counts[o] > 1 else 0, -len(o)))
    return best if counts[best] > 1 else name


REPORTERS = re.compile(r"(?i)\b(?:reporter(?:in|innen|n)?|redakteur(?:in|innen|en)?|journalist(?:in|innen|en|s)?|"
                       r"interviewer(?:in|innen|s)?|autor(?:in|innen|en)?|editors?|our writers?)\s+(?:\S+\s+)?$"
                       r"|(?i:reporter(?:in|innen|n)?|redakteur(?:in|innen|en)?)\s")  # (or the name's own first word)


def from_teaser(text: str) -> list[str]:
    """People an intro says were interviewed ("Wir sprachen mit Prof. Sander", "我们对…达巍教授进行了专访")."""
    out: list[str] = []
    for rx in (LATIN_TITLE[0], *LATIN_TEASER):
        for m in (m for row in text.split("\n") for m in rx.finditer(row)):  # (a name never runs on a line)
            before = m.string[max(0, m.start("n") - 40):m.start("n")]
            if REPORTERS.search(before) or REPORTERS.match(m.group("n") + " "):
                continue  # "Im Gespräch mit unseren Reportern Miriam Roth und …": who asks
            for found in [m.group("n"), *_listed_after(m.string, m.end("n"))]:
                name = _best_span(_clean(found), text)
                if len(words(name)) >= 2 and not _function_words(name):
                    out.append(name)
    for rx in HAN_TEASER:
        for m in rx.finditer(text):
            found = _han_name(m.group("run"), text)
            if found:
                out.append(found)
    return list(dict.fromkeys(n for n in out if n))


LISTED = re.compile(rf"(?P<sep>\s*[,，、]\s*(?:(?:and|und)\s+)?|\s+(?:and|und|&)\s+|\s*(?:和|与|與|及)\s*)(?:\*\*|__)?"
                    rf"(?P<n>{PERSON2})(?:\*\*|__)?")


COMPANY_WORD = re.compile(r"\b(?:Labs?|Inc|GmbH|AG|Ltd|LLC|Corp|Corporation|Company|Foundation|Stiftung|Group|Gruppe|"
                          r"Systems|Software|Technologies|Studios?|Media|Press|Verlag|University|Universität|Institute?|"
                          r"Institut|Team|Project|Projekt)\b")


def _listed_after(row: str, at: int) -> list[str]:
    """The further names of a list that starts with the one ending at `at` ("… with James Blair, Marek Siarkowicz,
    Wenjia Zhang, and Benjamin Wang"): only a list that ends in "and"/"und" and a name ("…, Google Cloud's …" is
    none)."""
    found: list[str] = []
    while (m := LISTED.match(row, at)) is not None:
        found.append(m.group("n"))
        at = m.end()
        if re.search(r"\b(?:and|und)\s+$|&\s*$|[和与與及]\s*$", m.group("sep")):
            return [n for n in found if looks_like_person(n) and not COMPANY_WORD.search(n)]  # ("…, Jonas Weber and
            # Grafana Labs": a company)
    return []


PLACE_BEFORE = re.compile(r"(?i)\b(?:in|im|aus|nach|nahe|at|from|near)\s+$")
CONTRACTION = re.compile(r"\w+['’][a-z]{1,2}")  # "I'm", "It’s", "We're": no part of a name ("O'Brien" is)


def full_name(label: str, text: str) -> str:
    """A one-word label ("Keller", "Stefan") -> the full name the text uses most for it ("Hanna Keller",
    "Stefan Wintermeyer"; `text` without the labels themselves), else the label."""
    if HAN.search(label) or " " in label or len(label) < 3 or label.isupper():
        return label
    no_first_name = {t.strip(".") for t in TITLES} | SENTENCE_WORDS | APPOSITION
    found: Counter[str] = Counter()
    for m in re.finditer(rf"\b({CAP}(?: [A-Z]\.)?) {re.escape(label)}\b", text):  # ("Bernhard E. Reiter")
        word = m.group(1)  # ("Und Juna", "meine Kinder Juna": a sentence's word, a word in apposition)
        first = word.split()[0]
        placed = " " in word and PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()])  # ("in Halle C. Keller":
        # a town, then the initial of "C. Keller")
        if placed:
            first = word = word.split()[1]
        if (first.casefold().strip(".") not in no_first_name and not CONTRACTION.fullmatch(first)
                and not (first.endswith(".") and len(first) > 2)):
            found[f"{word} {label}"] += 1  # ("… Cooperative. Marcus Lindqvist …": a sentence ended before)
    for m in re.finditer(rf"\b{re.escape(label)} ({CAP})\b", text):
        if m.group(1).casefold() not in SENTENCE_WORDS:  # ("Juna und", "Juna Or")
            found[f"{label} {m.group(1)}"] += 1
    best = found.most_common(1)
    return best[0][0] if best else label


# an office or form of address before a surname in a label ("Ministerin Brückner", "Chairwoman ALVAREZ")
OFFICES = {"minister", "ministerin", "bundesminister", "bundesministerin", "staatssekretär", "staatssekretärin",
           "präsident", "präsidentin", "bürgermeister", "bürgermeisterin", "oberbürgermeister",
           "oberbürgermeisterin", "senator", "senatorin", "professor", "professorin", "prof.", "dr.", "mr.", "ms.",
           "mrs.", "herr", "frau", "kanzler", "kanzlerin", "landrat", "landrätin", "chairwoman", "chairman", "chair",
           "chairperson", "councilmember", "councilman", "councilwoman", "commissioner", "judge", "secretary",
           "mayor", "governor", "president", "ambassador", "director", "direktor", "direktorin", "representative",
           "rep.", "sen.", "gov."}
HAN_OFFICE = re.compile(r"^(?P<s>[\u3400-\u9fff]{1,2}?)(?P<t>教授|老师|老師|博士|先生|女士|小姐|院长|院長|主任|"
                        r"局长|局長|部长|部長|市长|市長|校长|校長|医生|醫生|律师|律師|导演|導演|董事长|董事長|总裁|總裁|书记|書記|主席|议员|議員|"
                        r"所长|所長|馆长|館長|社长|社長|总|總|sir)$", re.I)


def in_office(label: str, text: str, people: Sequence[str]) -> str | None:
    """The person a label of an office (or a form of address) and a family name stands for, as the page
    names them in full: "Ministerin Brückner" -> "Katrin Brückner", "Dr. LINDQVIST" -> "Hanne Lindqvist",
    "陳教授" -> "陳嘉儀" (from `people` the page names, else the text's "陳嘉儀教授"); None if it names none."""
    han = HAN_OFFICE.match(label.strip())
    if han and han.group("s")[0] in SURNAMES | {c[0] for c in COMPOUND_SURNAMES}:
        surname = han.group("s")
        whole = [p for p in people if HAN.search(p) and p.startswith(surname) and 2 <= len(p) <= 4 and p != label]
        if whole:
            return whole[0]
        found = Counter(m.group(0) for m in re.finditer(rf"{re.escape(surname)}[\u3400-\u9fff]{{1,2}}"
                                                       rf"(?={re.escape(han.group('t'))})", text))
        return found.most_common(1)[0][0] if found else None
    words = label.split()
    if len(words) < 2 or not all(w.casefold() in OFFICES for w in words[:-1]):
        return None
    surname = words[-1] if not words[-1].isupper() else words[-1].capitalize()
    whole = [p for p in people if len(p.split()) >= 2 and p.split()[-1].casefold() == surname.casefold()
             and p.split()[0].casefold() not in OFFICES]  # (a label such as this one is no full name)
    if whole:
        return max(whole, key=len)
    named = full_name(surname, text)
    return named if named != surname else None


def expand_initials(label: str, candidates: list[str]) -> str | None:
    """The candidate name whose initials are the label ("CM" -> "Colin McGregor")."""
    s = label.replace(".", "").strip()
    if not (s.isupper() and 2 <= len(s) <= 4 and " " not in s):
        return None
    return next((c for c in candidates if " " in c.strip() and initials(c) == s), None)


def looks_like_person(text: str) -> bool:
    """A heading that is only a person's name ("Janna Zielinski", "## 张月光")."""
    t = text.strip(" *_#")
    if HAN.search(t):
        return 2 <= len(t) <= 4 and t[0] in SURNAMES
    if not re.fullmatch(PERSON2, t) or t.endswith("?") or t.split()[0].casefold() in LEAD_WORDS:
        return False  # ("About Priya", "Meet the Team", "Get Involved": a section's title)
    return not _everyday(t)  # "Zur Person", "Über den Autor": a box's heading


def _function_words(name: str) -> bool:
    """Whether a capitalised run holds a word as common as "What" or "They" (a title-case phrase, no name)."""
    from retrieval.generality import zipf

    return any(max(zipf(w, "de"), zipf(w, "en")) >= FUNCTION_WORD for w in name.split())


def _rare_word(name: str, languages: tuple[str, str] = ("de", "en")) -> bool:
    """Whether a name holds a word rare in both languages ("Morales"; not "Head Chef")."""
    from retrieval.generality import zipf

    return any(all(zipf(w, lang) <= RARE_WORD for lang in languages) for w in name.split())


LEAD_WORDS = {"about", "meet", "ask", "get", "dear", "with", "thanks", "thank", "hello", "hi", "hallo", "our", "your",
              "my", "the", "team", "inside", "über", "mit", "frag", "fragen", "liebe", "lieber", "mehr", "more", "read",
              "join", "follow", "contact", "kontakt", "by", "von", "for", "für", "from", "aus", "and", "und", "welcome",
              "willkommen", "happy", "merry", "goodbye", "farewell", "remembering", "in"}


# a sentence's small words, capitalised where they open it ("Und Juna lacht", "Oder Aurelius?"): no part of a name
SENTENCE_WORDS = {"und", "oder", "aber", "doch", "dann", "denn", "so", "and", "or", "but", "then", "the", "a", "an",
                  "der", "die", "das", "den", "dem", "des", "ein", "eine", "mit", "with", "von", "für", "for", "to",
                  "zu", "bei", "at", "in", "im", "on", "auf", "ich", "du", "er", "sie", "es", "wir", "ihr", "i", "you",
                  "he", "she", "we", "they", "mein", "meine", "my", "our", "unser", "unsere", "hey", "hi", "hallo",
                  "ja", "nein", "yes", "no", "ok", "okay", "danke", "thanks", "wie", "was", "wer", "wo", "warum",
                  "how", "what", "who", "where", "why", "when", "wenn", "weil", "because", "if", "ob", "dass", "that",
                  "this", "dies", "diese", "dieser", "jetzt", "now", "hier", "here", "da", "there", "auch", "also"}
# who someone is to the speaker, written before their name ("meine Kinder Juna und Aurelius", "our guide Thomas")
APPOSITION = {"kinder", "kind", "sohn", "söhne", "tochter", "töchter", "frau", "mann", "mutter", "vater", "bruder",
              "schwester", "enkel", "enkelin", "opa", "oma", "kollege", "kollegin", "guide", "gast", "freund",
              "freundin", "partner", "partnerin", "kids", "son", "daughter", "wife", "husband", "mother", "father",
              "brother", "sister", "colleague", "friend", "host", "guest", "moderator", "moderatorin", "chef",
              "chefin", "nachbar", "nachbarin", "neighbour", "neighbor"}


def _everyday(words: str) -> bool:
    """Whether every word is everyday German or English ("Zur Person", "Here Today"): no name."""
    from retrieval.generality import zipf

    return all(max(zipf(w, "de"), zipf(w, "en")) >= COMMON_WORD for w in words.split())


SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2})[.!?]\s+|\s*\n\s*")


def people_in(text: str, limit: int = 40) -> list[str]:
    """Capitalised multi-word names in a text, most frequent first (candidates for initials)."""
    found: Counter[str] = Counter()
    for sentence in SENTENCE_BREAK.split(text):  # "… Grundwasserstände. Die Hydrologin Friederike Hallberg …": a
        for m in re.finditer(PERSON, sentence):  # name is read within its sentence, not run on from the last one
            words = _clean(m.group(0)).split()
            while words and words[0].casefold() in SENTENCE_WORDS | APPOSITION:
                words = words[1:]  # "Oder Aurelius?", "meine Kinder Juna": a sentence's word, not a name's
            if len(words) >= 2:
                found[" ".join(words)] += 1
    return [n for n, _ in found.most_common(limit)]


FUNCTION_WORD = 6.0  # Zipf: "What", "They", "Über": never part of a name in a teaser
COMMON_WORD = 5.3  # Zipf: a word this common in German or English ("Zur", "Person") is no name on its own
PARTICLES = set("说說的是在和了也就都还還把被对對给給从從向跟让讓要会會能")  # no name ends in these
RARE_WORD = 3.5  # Zipf: a word of a personal name is at most this common ("Penhallow", "Katrin"; not "Wald")


def prominent(headlines: Sequence[str | None], text: str, language: str, others: Sequence[str] = ()) -> list[str]:
    """The person a page is about when no rule names the one interviewed: a full name its headlines
    (title, its other renderings, teaser) give and its text uses again, of which some word is rare in
    everyday language ("Glassblower Dolores Penhallow on …" -> "Dolores Penhallow"; not "Der Wald");
    for Chinese, a family name and given name the text uses again. Never one of `others` (bylines)."""
    shown = "\n".join(filter(None, headlines))
    found: list[str] = []
    for m in (m for line in filter(None, headlines) for m in re.finditer(PERSON, line)):  # never across two
        words_ = _clean(SENTENCE_BREAK.split(m.group())[0]).split()
        spans = [" ".join(words_[k:]) for k in range(len(words_) - 1)]  # "Glassblower Dolores Penhallow", …
        spans = [s for s in spans if s.split()[0].casefold().strip(".") not in TITLES]  # ("Captain Ruth Ann …")
        name = next((s for s in spans if s in text), None)  # the longest the text itself uses
        titled = len(words_) >= 3 and words_[-3].casefold().strip(".") in TITLES and name == " ".join(words_[-2:])
        if (name and _rare_word(name, (language, "en")) and not _function_words(name)  # ("You Don’t Argue With")
                and (text.count(name) >= 2 or text.count(name.split()[-1]) > text.count(name) or titled)):
            found.append(name)  # named twice, or by the surname alone too ("Penhallow said"), as people are, or
            # with a title before the name ("Dr Amara Oyelaran-Finch explains …"): someone
    if HAN.search(shown):
        found += _han_people(shown, text)
    return [n for n in dict.fromkeys(found) if not any(same_person(n, o) for o in others)]


def _han_people(shown: str, text: str) -> list[str]:
    """Personal names in a text's Han runs that `text` uses too: a family name followed by one or
    two characters the dictionary segmentation leaves in pieces ("陈|秀|兰"; a place such as 武夷山 is one
    word of the dictionary), the three-character name before its two-character start unless it ends in
    a particle ("陈明|说"); or a word the dictionary tags as a name right after a role ("分隊長張國棟":
    its tags alone call 胡同 and 白领 names)."""
    from retrieval.tokenize import _segmenter, to_simplified

    out = []
    for run in re.findall(r"[\u3400-\u9fff]{2,}", shown):
        simple = to_simplified(run)
        words = _segmenter().cut(simple if len(simple) == len(run) else run)
        cuts, at = set(), 0
        for w in words:
            at += len(w)
            cuts.add(at)
        start = 0
        for w in words:
            if (2 <= len(w) <= 3 and run[start] in SURNAMES and run[start:start + len(w)] in text
                    and HAN_ROLE_BEFORE.search(run[:start])):  # "分隊長張國棟": a dictionary word after a role,
                out.append((run[start:start + len(w)], w))  # a name if the dictionary tags it as one
            elif len(w) == 1 and run[start] in SURNAMES:
                for size in (3, 2):  # each piece short, the name ending where a piece ends
                    name = run[start:start + size]
                    if name[-1] in PARTICLES:
                        continue  # ("陈明|说", "玻璃管的": a particle ends no name)
                    pieces = [c for c in range(start + 1, start + size + 1) if c in cuts]
                    if len(name) == size and start + size in cuts and size - len(pieces) <= 1 and name in text:
                        out.append((name, ""))
                        break
            start += len(w)
    people = _tagged_people({w for _, w in out if w})
    return [name for name, w in out if (not w or w in people) and name not in HAN_PHRASES]


# a family name's character at the start of a phrase
HAN_PHRASES = {"谢邀", "謝邀", "谢谢", "謝謝", "多谢", "多謝", "感谢", "感謝", "于是", "於是", "何况", "何況",
               "林林总总", "林林總總", "马上", "馬上", "高兴", "高興", "常常", "万一", "萬一"}


def han_person(name: str, text: str) -> bool:
    """Whether a Chinese name (before a title, in a legend) is a person's the text writes ("陳慧文", "王建国"), not
    a word ("黄副", "陈老", "郑州")."""
    return bool(_han_people(name, text)) or name in _tagged_people({name})


def _dictionary_tags(words: set[str]) -> dict[str, str]:
    """The part-of-speech tag jieba's dictionary gives each of `words` it lists ("" where it gives none)."""
    if not words:
        return {}
    from retrieval.han_trie import jieba_dictionary

    found: dict[str, str] = {}
    with jieba_dictionary().open(encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.partition(" ")
            if word in words:
                fields = rest.split()
                found.setdefault(word, fields[-1] if len(fields) >= 2 else "")
    return found


@cache
def _common_word(word: str) -> bool:
    """Whether jieba's dictionary knows a Chinese word as anything but a personal name ("程序员", "项目"; not "李明",
    which it lacks or tags "nr")."""
    tag = _dictionary_tags({word}).get(word)
    return tag is not None and tag != "nr"


def _tagged_people(words: set[str]) -> set[str]:
    """Those of `words` that jieba's dictionary tags as personal names (张国栋; not 武夷山)."""
    return {word for word, tag in _dictionary_tags(words).items() if tag == "nr"}


# a speaker naming themselves: "I'm Janet Morales", "Mein Name ist Jonas Petersen", "我是林晓雯"
INTRODUCED = re.compile(rf"\b(?i:I'm|I’m|I am|my name is|ich bin|mein name ist)\s+(?P<n>{PERSON2})"
                        rf"|(?:我是|我叫)(?P<h>[\u4e00-\u9fff]{{2,4}})")


def self_named(turns: Sequence[str]) -> str | None:
    """The full name a speaker going by a handle gives in their first turn ("ibireme：大家好，我叫郭曜源，是一个 iOS
    开发者", "I'm Dana Reyes, and …"), if it is a person's name."""
    from retrieval.generality import zipf

    first = turns[0] if turns else ""
    for m in INTRODUCED.finditer(first):
        if m.group("h"):  # the name alone before a pause ("我叫郭曜源，是…"; not "我是高德地图的前端工程师")
            name = m.group("h") if re.match(r"[，,。、；;！!\s]|$", first[m.end("h"):]) else None
            name = name if name and name[0] in SURNAMES and not _common_word(name) else None
        else:  # words no dictionary knows well ("Dana Reyes"; not "Senior Backend Engineer")
            name = _clean(SENTENCE_BREAK.split(m.group("n"))[0])
            name = name if len(name.split()) >= 2 and all(max(zipf(w, "en"), zipf(w, "de")) < 4.5
                                                           for w in name.split()) else None
        if name and looks_like_person(name):
            return name
    return None


def introduced(turns: Sequence[str], text: str) -> str | None:
    """The full name a speaker gives as their own in their first turns, if `text` (the whole page) names
    them again elsewhere: "I'm Head Chef here" or "我是江西人" names no one."""
    for turn in turns:
        for m in INTRODUCED.finditer(turn):
            if m.group("h"):
                found = _han_people(m.group("h"), text)
                name = found[0] if found and m.group("h").startswith(found[0]) else None
            else:
                name = _clean(SENTENCE_BREAK.split(m.group("n"))[0])  # "Janet Morales. My guest …": the name
                name = name if len(name.split()) >= 2 and _rare_word(name) else None
            if name and text.count(name) > sum(t.count(name) for t in turns):
                return name
    return None


# a nickname the text gives a person: "蔡承凱，大家都叫他阿凱", "王建國（人稱老王）"
NICKNAMED = re.compile(r"(?P<full>[\u4e00-\u9fff]{2,4})[，,、（(]\s*"
                       r"(?:(?:大家|朋友們|朋友们|同事們|同事们|街坊|熟人)都?(?:叫|稱|称|喊)(?:他|她)|人稱|人称|"
                       r"(?:花名|又名|笔名|筆名|网名|網名|艺名|藝名|昵称|暱稱|外号|外號|绰号|綽號)[：:]?)"
                       r"(?:作|做|為|为)?[「“]?(?P<nick>[\u4e00-\u9fff]{2,3})")


def unnicknamed(name: str, text: str) -> str:
    """The full name for a nickname the text explains ("阿凱" -> "蔡承凱"), else the name."""
    owner = _nickname_owner(name, text)
    if owner:
        return owner
    kin = KIN_NAME.fullmatch(name)  # "梁姨", "梁师傅": the one person of that family name the text names (not "小林")
    if kin:
        surname = kin.group("s")
        full = {m.group(0) for m in re.finditer(rf"{surname}[\u4e00-\u9fff]{{1,2}}(?={KIN_AFTER}|女士|先生|"
                                                rf"[，,。、；;：:（()）\s])", text)}  # ("沈师傅（沈文亮）")
        full = {f for f in full if not KIN_NAME.fullmatch(f) and not any(f[1:].startswith(k) for k in KIN_WORDS)
                and _han_people(f, text)}  # (a person's name, not a word the dictionary knows: "郑州" is a city)
        # (not "梁姨说，…": the nickname and the next character)
        if len(full) == 1:
            return full.pop()
    return name


KIN_WORDS = {"姨", "阿姨", "叔", "叔叔", "伯", "婶", "嬸", "师傅", "師傅", "老师", "老師", "姐", "哥", "爷", "爺",
             "奶奶", "总", "總", "工", "姐姐", "哥哥", "老板", "老闆", "店主", "掌柜", "掌櫃",
             # and an office held: "王部长：" for 王启航, as the record names him in full
             "部长", "部長", "局长", "局長", "市长", "市長", "县长", "縣長", "省长", "省長", "书记", "書記", "主任",
             "院长", "院長", "校长", "校長", "厅长", "廳長", "处长", "處長", "所长", "所長", "董事长", "董事長",
             "总经理", "總經理", "教授", "博士", "院士", "委员", "委員", "主席", "代表"}
KIN_AFTER = "|".join(sorted(KIN_WORDS, key=len, reverse=True))
KIN_NAME = re.compile(rf"(?P<s>[{''.join(sorted(SURNAMES))}])(?:{KIN_AFTER})")


def in_handle(handle: str, text: str) -> str | None:
    """The name of two or three words in `text` all of whose words the user name spells ("DrAmaraNwosu" ->
    "Amara Nwosu"), the longest if several."""
    spelled = handle.casefold()
    found = [m.group(0) for m in re.finditer(rf"{WORD}(?: {WORD}){{1,2}}", text)
             if all(len(w) >= 2 and w.casefold() in spelled for w in m.group(0).split())]
    if not found:  # "IceCoreMaren", whose post says "My name is Maren Holloway": the name it introduces, part spelled
        found = [m.group("n") for m in SELF_INTRODUCED.finditer(text)
                 if any(len(w) >= 3 and w.casefold() in spelled for w in m.group("n").split())]
    return max(found, key=len) if found else None



# who hosts, as an editor's note or intro says it: "Jonah Reyes hosts;", "hosted by Ann Lee", "Moderation: Jo Brehm"
# a capitalised word of a name, no dot (never inside a word, no ideograph)
WORD = r"(?<![\w'’-])[A-ZÄÖÜÉÈÁÍÓÚÇ](?:[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|['’-])+"
SELF_INTRODUCED = re.compile(rf"\b(?i:my name is|I'm|I am|ich bin|ich heiße|mein name ist)\s+"
                             rf"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.\s+)?(?P<n>{WORD}(?: {WORD}){{1,2}})")  # ("I'm Dr. Priya …")
HOSTED = re.compile(rf"(?P<n>{WORD}(?: {WORD}){{1,2}}) (?:hosts\s*[;,.]|"
                    rf"hosts (?:the|this|our) (?:show|podcast|episode)|is (?:the|your) host)"
                    rf"|\b(?i:hosted by|presented by|your host(?:s)? (?:is|are|today is)|moderiert von|Moderation:)\s*"
                    rf"(?P<m>{WORD}(?: {WORD}){{1,2}})")


def host_named(text: str, others: Collection[str]) -> str | None:
    """The one person `text` says hosts (none of `others`, the other voices)."""
    found = {m.group("n") or m.group("m") for m in HOSTED.finditer(text)}
    found = {n for n in found if not any(same_person(n, o) for o in others)}
    return found.pop() if len(found) == 1 else None


# the one asked, addressed by the one asking: "Frau Sommerfeld, wie …", "Mr. Okafor, when …", "陈老师，您…"
ADDRESSED = re.compile(rf"(?:^|[,.;:!?]\s+)(?:Frau|Herr|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor)\s+"
                       rf"(?:(?:Dr|Prof)\.(?:\s*(?:med|vet|phil|rer|nat|jur|dent|h\.\s*c)\.)*\s+|(?:Doktor|Professor|Professorin|"
                       rf"Bürgermeister|Bürgermeisterin|Minister|Ministerin|Senator|Senatorin|Pfarrer|Pfarrerin)\s+)*"
                       # ("Frau Dr. Wießner, …", "Frau Dr. med. vet. Wießner", "Herr Professor Lindner")
                       rf"(?P<n>(?:(?:von|van|de|der|zu)\s+){{0,2}}{CAP}(?:-{CAP})?)(?=\s*[,?!])"
                       rf"|^(?P<h>[\u4e00-\u9fff]{{1,3}}?)(?:老师|老師|先生|女士|师傅|師傅|博士|教授)\s*[，,]")


def addressed(questions: Sequence[str], text: str) -> str | None:
    """The person the questions address by a title and surname ("Frau Sommerfeld, wie …"), written out as
    the text names them ("Ingrid Sommerfeld"); None unless the first questions agree on one."""
    seen: Counter[str] = Counter()
    for q in questions[:4]:
        m = ADDRESSED.search(q.strip())
        if m:
            seen[m.group("n") or m.group("h")] += 1
    if len(seen) != 1:
        return None
    surname = next(iter(seen))
    if HAN.search(surname):  # "陈师傅": the full name the text gives that family name ("陈锦荣")
        if surname not in SURNAMES:
            return None
        whole = Counter(n for n in _han_people(text, text) if n.startswith(surname) and len(n) > len(surname))
        best = whole.most_common(1)
        return best[0][0] if best else None
    name = full_name(surname, text)
    return name if " " in name else None
