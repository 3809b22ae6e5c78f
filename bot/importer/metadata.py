"""What a document says about itself: title, publisher, date, link, and the people it names.

Sources, most trusted first: YAML front matter or a Pelican `Key: value` header; the page's own
metadata (`og:*`, JSON-LD, `<title>`, `<time>`, canonical link); the byline (`By …`, `Von …`, `记者 …`,
`文｜…`, `来源：…`); a WeChat backup's account name; the registrable part of the web address. Never a
body paragraph, a file name or an IP address: what is not found stays None and the import summary
asks for it.
"""

from __future__ import annotations

import ipaddress
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from bot.importer.labels import is_label
from bot.importer.names import looks_like_person, name_cased, written_as

FRONT_MATTER = re.compile(r"\A\ufeff?\s*?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
PELICAN_KEY = re.compile(r"^(?P<key>[A-Z][A-Za-z_-]{1,20}):[ \t]*(?P<value>.*)$")
PELICAN_KEYS = {"title", "date", "modified", "category", "tags", "slug", "summary", "author", "authors", "lang",
                "status", "url", "save_as", "template", "subtitle", "publisher", "translation"}
TITLE_KEYS = ("title", "headline", "post_title")
PUBLISHER_KEYS = ("publisher", "site_name", "sitename", "site", "publication", "channel", "podcast", "show",
                  "source", "blog")
DATE_KEYS = ("published", "date", "published_at", "publish_date", "publication_date", "pubdate", "pub_date",
             "post_date",
             "created", "created_at")
URL_KEYS = ("canonical_url", "canonical", "url", "permalink", "link", "source_url", "original_url", "original")
AUTHOR_KEYS = ("interviewer", "interviewers", "author", "authors", "host", "hosts", "by")
GUEST_KEYS = ("interviewee", "interviewees", "guest", "guests")
SPEAKER_KEYS = ("speaker", "speakers")  # everyone who speaks, the host too: names, not roles
TEASER_KEYS = ("summary", "description", "excerpt", "subtitle", "teaser", "lede")
LANGUAGE_KEYS = ("language", "lang", "locale")
MONTHS = {
    **{m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"], 1)},
    **{m: i for i, m in enumerate(["januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
                                   "september", "oktober", "november", "dezember"], 1)},
    **{m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                   "dec"], 1)},
    "sept": 9, "mär": 3, "okt": 10, "dez": 12, "jän": 1, "jänner": 1,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATES = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    re.compile(rf"(?i)(?<!\w)(?P<d>[0-3]?\d)\.?\s+(?P<mon>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)"),
    re.compile(rf"(?i)(?<!\w)(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"),
    re.compile(rf"(?i)(?<!\d)(?P<y>(?:19|20)\d\d),?\s+(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"),
    re.compile(r"(?<![\w.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]\d)"),  # 07.03.2024: day first
    # C's ctime, as bulletin boards stamp posts: "Sat Mar  1 12:05:33 2025"
    re.compile(rf"(?i)(?<!\w)(?P<mon>{_MONTH})\s+(?P<d>[0-3]?\d)\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s+(?P<y>(?:19|20)\d\d)"),
]
PUBLISHED_WORD = re.compile(r"(?i)\b(?:published|posted|veröffentlicht|erschienen|publiziert)\b(?:\s+(?:on|am))?"
                            r"[\s:：]*|发布于|發布於|发表于|發表於")
SLASH_DATE = re.compile(r"(?<![\w/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")
# Taiwan's official calendar: "民國114年3月18日", "發布日期：114-03-18" (year 114 of the Republic is 2025)
ROC_DATE = re.compile(r"(?:民國|民国)\s*(?P<y>\d{2,3})\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"
                      r"|(?:(?<=[：:])|^)\s*(?P<y3>1[01]\d)[-/.](?P<m3>[01]?\d)[-/.](?P<d3>[0-3]?\d)(?!\d)")
# what may stand around a date on a line that is only a date ("in 2012 October 23rd", "am 3. März 2025")
DATE_LINE_WORDS = re.compile(r"(?i)^(?:in|on|am|vom|dated?|datum|日期)?[\s:：,]*$")
# "By Jane Doe", "Von Tobias Kern", "Interview by …", "记者 王晓岚", "文｜杨璐", "採訪／陳柏宇"
BYLINE = [
    re.compile(r"(?:^|[\s·|])(?i:by|von|interview(?:s)? by|interviewed by|interview:|text:|"
               r"das interview führte[n]?|das gespräch führte[n]?)\s+"
               r"(?P<n>[A-ZÄÖÜ][\w'.-]+(?: [A-ZÄÖÜ][\w'.-]+){0,2})"),
    re.compile(r"(?:^|[\s　/／｜|丨])(?:记者|記者|文|撰文|采访|採訪|采访者为|采访人|主持人)\s*(?:[｜|丨/／:：]\s*|\s)"
               r"(?:[^\s　]*?团队?)?(?:(?:记者|記者)[\s　]+)?"
               r"(?!(?:记者|記者|编辑|編輯|主持人|采访|採訪|撰文|摄影|攝影)(?:[\s　]|$))"
               r"(?P<n>[\u4e00-\u9fff·]{2,4})(?=[\s　,，。、|｜丨/]|摄|$)"),
]
# who asked, credited under the interview: "Das Gespräch führte Lena Vogt.", "Interview by Ann Lee", "采访：林晓"
CLOSING_CREDIT = re.compile(
    r"^\W*(?i:das gespräch führte[n]?|das interview führte[n]?|die fragen stellte[n]?|interview(?:s)? by|"
    r"interviewed by|interview conducted by|the interview was conducted by)\s+"
    r"(?P<n>[A-ZÄÖÜ][\w'.-]+(?: [A-ZÄÖÜ][\w'.-]+){0,2})"
    r"(?:\s+(?i:mit|with)\s+(?P<g>[A-ZÄÖÜ][\w'.-]+(?: [A-ZÄÖÜ][\w'.-]+){1,2}))?\W*$"
    r"|^\W*(?:采访|採訪|采访人|採訪人|访谈|訪談)\s*[｜|丨/／:：]\s*(?P<h>[\u4e00-\u9fff·]{2,4})\W*$")
ROLE_WORDS = {"记者", "記者", "编辑", "編輯", "主持人", "采访", "採訪", "撰文", "摄影", "攝影", "责编", "責編",
              "实习生", "實習生"}
# a line giving the document's own address: "Link zur Sendung: https://…", "本文网址：https://…"
SELF_LINK = re.compile(r"^\W{0,6}(?:permalink|permanent link|link zur sendung|link zum artikel|link zu diesem artikel|"
                       r".{0,30}转载请注明(?:出处|来源)|.{0,30}轉載請註明(?:出處|來源)|"
                       r"link to this (?:article|page|episode|interview)|page address|page url|url of this page|"
                       r"address of this page|"
                       r"adresse dieser seite|seitenadresse|"
                       r"(?:diese[rs]? )?(?:meldung|pressemitteilung|artikel|beitrag) im (?:web|internet)|"
                       r"(?:diese[rs]? )?(?:artikel|beitrag|interview|meldung|abschrift|sendung) online|"
                       r"(?:this )?(?:article|story|interview) online|"
                       r"本文网址|本文網址|本文链接|本文連結|本文地址|"
                       r"文章链接|文章連結|(?:本文)?永久链接|(?:本文)?永久連結)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*"
                       r"(?:\[(?P<t>[^\]\n]{1,200})\]\((?P<u>[^\s()<>]*)\)|<?(?P<v>https?://[^\s<>\[\]]+?)>?)"
                       r"[\s.。]*$",  # (the address bare, or a Markdown link: "[https://…](https://…)", "[a.com/x](…)")
                       re.I | re.M)
def _own_link(m: re.Match[str]) -> str | None:
    """The address a self-link line gives: the link's text when it is one (not a redirect it points through),
    else where the link points when that is an address."""
    return next((a for a in (m.group("v"), m.group("t"), m.group("u")) if a and re.match(r"https?://\S+$", a)), None)


ACCOUNT = re.compile(r"(?:微信)?(?:公众号|公眾號)\s*[「『“\"《]?(?P<a>[^」』”\"》]{2,20})[」』”\"》]?")
SOURCE_LINE = re.compile(r"(?:来源|來源|出处|译文出自|譯文出自|Quelle|Source)\s*[:：]\s*(?!https?:|www\.)"
                         r"(?P<n>[^\s　|｜,，。·・－]{2,30})"
                         # "Interview by Tessa Ormsby for The Freshwater Ledger": the publication a byline names
                         r"|^(?i:interview|interviewed|text|words|story|reporting|interview und text)\s+(?i:by|von)\s+"
                         r"[A-ZÄÖÜ][\w'.-]+(?:\s[A-ZÄÖÜ][\w'.-]+){0,2}\s+(?i:for|für)\s+"
                         r"(?P<p>(?:The |Die |Der |Das )?[A-ZÄÖÜ][\w'&.-]*(?:\s[A-ZÄÖÜ&][\w'&.-]*){0,4})\s*\.?$")
# ("来源：澎湃新闻·澎湃号·湃客": the site, before its channel)
# where the text first appeared, in its own footer: "本文首发于「慢变量」博客，转载请注明出处：https://…"
FIRST_PUBLISHED = re.compile(r"^\W{0,3}(?:本文|此文)(?:首发|首發)(?:于|於)\s*(?:微信)?(?:公众号|公眾號)?\s*[「『“《]"
                             r"(?P<n>[^」』”》，,。：:\s「『“《]{2,20})[」』”》]", re.M)
TRANSLATION_FOOTER = "its translation's footer"
ORIGINAL_AUTHOR = re.compile(r"(?m)^(?:作者|原作者|原文作者)\s*[:：]\s*\[?(?P<n>[^\[\]\n(（]{2,40}?)\]?"
                             r"(?:\[\w*\]|\(\S*\))?\s*$")  # over a translation's footer: "作者：[Mike Saunders][a]"
# a translation's footer: who translated it and who publishes it ("本文由 LCTT 原创翻译，Linux中国 荣誉推出")
PRESENTED_BY = re.compile(r"^\W{0,3}(?:本文|此文)由\s*[^，,。\n]{1,40}?(?:原创|原創)?(?:翻译|翻譯|编译|編譯)"
                          r"\s*[，,]\s*(?P<n>[^\s，,。：:]{2,20}?)\s*(?:荣誉推出|榮譽推出|推出|出品)", re.M)
# a reprint's or a footer's line on when the text first appeared: "Sonderdruck aus …, erschienen am 14. Juni 2024"
PRINTED_ON = re.compile(r"(?im)^[ \t*_]*(?:Sonderdruck|Nachdruck|Reprint(?:ed)?|Erstveröffentlichung|Zuerst|"
                        r"Dieser (?:Beitrag|Artikel|Text)|Dieses Interview|Das Interview|"
                        r"This (?:interview|article|piece) (?=was|first)|(?:First|Originally)(?= published| appeared))"
                        r"\b[^\n]{0,120}?(?:\n[^\n]{0,120}?)?\b(?:erschienen|veröffentlicht|published|appeared)\s+"
                        r"(?:am|on|in\s[^\n]{1,60}?\s(?:am|on))\s+(?P<d>\d{1,2}\.\s*\w+\s+(?:19|20)\d\d|"
                        r"\w+\s+\d{1,2},\s+(?:19|20)\d\d|\d{1,2}\s+\w+\s+(?:19|20)\d\d)")
WECHAT_EXPORT = re.compile(r"^[ \t]*(?:原创|原創)[ \t]+(?:(?P<a>[^\s*]{1,12})[ \t]+)?(?P<n>[^\s*]{2,20})[ \t]+\*?"
                           r"(?P<d>(?:19|20)\d\d年\d{1,2}月\d{1,2}日)[ \t]+\d{1,2}:\d\d\*?", re.M)
WECHAT_BACKUP = re.compile(r"\]\(/gzh/(?P<n>[^)/\s]+)\)")
WECHAT_OWN = re.compile(r"(?:版权归|本文为|来自|这是)\s*[「“\"]?\s*\**(?P<n>[^」”\"*\s，。]{2,20}?)\**\s*[」”\"]?\s*(?:"
                        r"所有|原创|公众号)")
PLATFORMS = {  # sites that host others' pages: their og:site_name is no publication
    "medium", "substack", "wordpress", "wordpress.com", "blogger", "blogspot", "tumblr", "linkedin", "ghost",
    "hashnode", "notion", "hackmd", "微信公众平台", "简书", "知乎", "知乎专栏", "豆瓣", "小红书", "rednote",
    "小宇宙", "喜马拉雅", "apple podcasts", "spotify", "podbean", "anchor", "buzzsprout", "simplecast"}
NOTE_PLATFORMS = {"小红书", "rednote", "xiaohongshu", "微博", "新浪微博", "weibo", "豆瓣", "douban"}
ACCOUNT_NAME = ('//*[contains(concat(" ", normalize-space(@class), " "), " username ") or '
                'contains(concat(" ", normalize-space(@class), " "), " nickname ") or '
                'contains(concat(" ", normalize-space(@class), " "), " author-name ")][normalize-space()]'
                '[not(ancestor::*[contains(@class, "comment") or contains(@class, "reply")])]')  # (not a commenter)
VIDEO_PLATFORMS = {"bilibili", "哔哩哔哩", "youtube", "vimeo", "youku", "优酷", "西瓜视频", "抖音", "douyin", "tiktok",
                   "dailymotion"}  # the uploading channel (the page's author) is the publication
SITE_AFTER = re.compile(r"(?P<t>.{8,}?)\s+[|–—-]\s+(?P<s>[^|–—]{2,40})")  # "Headline - Site"
SEPARATORS = re.compile(r"\s+[|–—-]\s+|_|\s+·\s+|｜|\s+::\s+"
                        r"|(?<=[\u3400-\u9fff])-(?=[^-\s]{0,19}[A-Za-z\u3400-\u9fff][^-\s]{0,19}$)")  # "…模型-36氪"
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "header", "footer", "section", "article", "aside",
          "span", "time", "br", "figcaption", "dd", "dt", "td", "tr"}
SITE_KINDS = {"transcripts", "transcript", "news", "online", "blog", "magazine", "magazin", "podcast", "media",
              "archive", "archiv", "interviews", "tv", "radio"}  # what a site's name says it holds
SECTION_WORDS = re.compile(r"(?i)\b(?:interviews?|gespräche?|aktuell\w*|news|nachrichten|magazin|stories|artikel|"
                           r"beiträge|section|rubrik)\b|访谈|訪談|采访|採訪|人物|资讯|資訊|新闻|新聞|动态|動態|专栏|專欄")
GENERIC_TITLE_PARTS = {"artikel", "article", "news", "home", "startseite", "blog", "interview", "interviews",
                       "magazin", "magazine", "podcast", "首页", "正文", "新闻", "文章"}


@dataclass
class Meta:
    """Metadata of one document; `found` says where each field came from (for the import summary)."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)  # bylines: people who wrote or asked
    guests: list[str] = field(default_factory=list)  # front matter interviewee/guest
    speakers: list[str] = field(default_factory=list)  # front matter speakers: hosts and guests alike
    labels: dict[str, str] = field(default_factory=dict)  # a header's short labels: "Johanna Reuter (I)" -> I
    teaser: str | None = None
    other_titles: list[str] = field(default_factory=list)  # the page's other renderings of its title
    found: dict[str, str] = field(default_factory=dict)
    shown: str = field(default="", repr=False)  # a web page's visible text, scripts and styles left out

    def put(self, name: str, value: Any, source: str) -> None:
        """Set a field if it is still empty and the value is a non-empty string (or a number)."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return  # a mapping or a list where a name was expected: not this field
        value = re.sub(r"\s+", " ", value).strip()
        if value and getattr(self, name) in (None, "", []):
            setattr(self, name, value)
            self.found[name] = source


def iso_date(value: object, slashes: str | None = None) -> str | None:
    """The first date in a value (ISO, 2024年1月2日, 3. März 2025, March 3, 2025, 07.03.2024) as YYYY-MM-DD."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value or "")
    if slashes is None:  # "12/28/2023" beside "1/5/2024": month first in both
        orders = {"mdy" if int(m.group("b")) > 12 else "dmy" for m in SLASH_DATE.finditer(text)
                  if (int(m.group("a")) > 12) != (int(m.group("b")) > 12)}
        slashes = orders.pop() if len(orders) == 1 else ""
    stated = PUBLISHED_WORD.search(text)  # "Interview conducted 12/28/2023 · Published 1/5/2024": the publication's
    if stated and stated.start() > 0:
        found = iso_date(text[stated.end():], slashes)
        if found:
            return found
    for rx in DATES:
        m = rx.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["m"])
        try:
            return date(int(g["y"]), int(month or 0), int(g["d"])).isoformat()
        except ValueError:
            continue
    slashed = SLASH_DATE.search(text)  # "16/03/2024", "3/16/2024": day or month first where only one can be
    if slashed:
        first, second, year = (int(slashed.group(k)) for k in "aby")
        month, day = ((min(first, second), max(first, second)) if (first > 12) != (second > 12) else
                      (first, second) if slashes == "mdy" else (second, first) if slashes == "dmy" else (0, 0))
        try:
            if month:
                return date(year, month, day).isoformat()
        except ValueError:
            pass
    roc = ROC_DATE.search(text)  # no date of the common era: one of the Republic of China's calendar
    if roc:
        y, mo, d = (roc.group("y") or roc.group("y3"), roc.group("m") or roc.group("m3"),
                    roc.group("d") or roc.group("d3"))
        try:
            return date(int(y) + 1911, int(mo), int(d)).isoformat()
        except ValueError:
            pass
    return None


def _only_date(line: str) -> bool:
    """A line that says nothing but a date."""
    for rx in DATES:
        m = rx.search(line)
        if m:
            after = re.sub(r"^(?:st|nd|rd|th)\b", "", line[m.end():])
            return bool(DATE_LINE_WORDS.match(line[:m.start()]) and DATE_LINE_WORDS.match(after))
    return False


def dates_in(text: str) -> set[str]:
    """Every full date written in a text, as YYYY-MM-DD."""
    out = set()
    for rx in DATES:
        for m in rx.finditer(text):
            found = iso_date(m.group(0))
            if found:
                out.add(found)
    return out


ARCHIVED = re.compile(r"https?://web\.archive\.org/web/\d{4,14}[a-z_]*/(https?://\S+)$")


def web_url(link: object, base: str | None = None) -> str | None:
    """An http(s) URL (resolved against `base`) a reader can follow, or None: not one to localhost or an
    IP address (a page served from a private machine gives its readers no link)."""
    if not isinstance(link, str) or not link.strip():
        return None
    link = link.strip()
    if base and not urlsplit(link).scheme:
        link = urljoin(base, link)
    archived = ARCHIVED.match(link)
    if archived:  # a web archive's copy: the page it keeps ("https://web.archive.org/web/2021…/https://…")
        link = archived.group(1)
    parts = urlsplit(link)
    ok = parts.scheme in ("http", "https") and parts.hostname and not names_no_site(parts.hostname)
    return link if ok else None


def _written_out(path: object, html: str) -> str | None:
    """A canonical link given as a path ("/nachrichten/info/….html"), on a page read without its address, as the
    page itself writes it out in full elsewhere (a print footer's "ausgedruckt unter der Adresse: https://…")."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//") or len(path) < 8:
        return None
    shown = re.sub(r"<link\b[^>]*>|<meta\b[^>]*>", " ", html)  # (another language's version, a share button's)
    found = re.search(rf"https?://[\w.-]+{re.escape(path)}(?=[\s\"'<>#?]|$)", shown)
    return web_url(found.group(0)) if found else None


def names_no_site(host: str) -> bool:
    """Whether a host is localhost or an IP address: an address, not a site's name."""
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


CODE_HOSTS = {"github.com", "gitlab.com", "gitee.com", "bitbucket.org", "codeberg.org", "sourceforge.net",
              "githubusercontent.com", "raw.githubusercontent.com"}
HOSTED_SITES = {"github.io", "gitlab.io", "gitee.io", "codeberg.page", "netlify.app", "vercel.app", "pages.dev",
                "blogspot.com", "wordpress.com", "substack.com", "medium.com", "tumblr.com", "readthedocs.io",
                "gitbook.io", "notion.site"}


def site_of(url: str | None) -> str | None:
    """The registrable name of a web address ("www.donganews.cn" -> "donganews"); None for IPs and localhost."""
    host = (urlsplit(url).hostname or "") if url else ""
    if not host or names_no_site(host) or host.endswith((".localhost", ".local", ".internal")):
        return None
    labels = [p for p in host.split(".") if p]
    code = next((h for h in CODE_HOSTS if host == h or host.endswith("." + h)), None)
    if len(labels) < 2 or (code and host.removesuffix(code).rstrip(".") not in ("about", "blog", "docs")):
        return None  # a file in someone's repository: the host publishes nothing of it (ask for --publisher)
    hosted = next((n for n in range(2, 4) if ".".join(labels[-n:]) in HOSTED_SITES), None)
    if hosted and len(labels) > hosted:
        own = labels[-hosted - 1]  # "uos-oss.github.io": the site the platform hosts
        return None if own in ("www", "open", "m", "app", "pub", "api") else own
    second_level = {"com", "co", "org", "net", "gov", "edu", "ac"}
    if len(labels) >= 3 and labels[-2] in second_level and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def as_written(site: str | None, text: str) -> str | None:
    """A web address's name as the text writes it ("coastlinereview" -> "The Coastline Review", "stackandspindle"
    -> "Stack & Spindle"): the first run of words whose letters are the name's (a leading "The" kept), with a
    capital; else the name."""
    if not site:
        return site
    want = re.sub(r"[\W_]", "", site.casefold())
    words = re.findall(r"[^\s|·•,;:()\[\]\"“”]+", text[:6000] + "\n" + text[-3000:])
    for i in range(len(words)):
        if not words[i][:1].isupper():
            continue  # ("🌲 Pinewick": the name starts at its first letter, a capital; not "the post office")
        run = ""
        for k in range(i, min(i + 6, len(words))):
            run += re.sub(r"[\W_]", "", words[k].casefold().replace("&", "and"))
            if not want.startswith(run) and not ("the" + want).startswith(run):
                break
            if run in (want, "the" + want) and (k > i or words[i] != site):
                found = " ".join(words[i:k + 1]).strip(".'’")
                return " ".join(w.capitalize() for w in found.split()) if found.isupper() and k > i else found
    return site


ACCOUNT_NAMES = {"admin", "administrator", "webmaster", "root", "user", "editor", "redaktion", "wpadmin", "author",
                 "staff", "team", "guest", "gast"}  # a site's account, no one's name
PICTURE_ROLES = re.compile(r"(?i)fotos?|photos?|bilder?|illustrations?|grafik|video|kamera|camera|摄影|攝影|图|圖")
ROLE_BEFORE = re.compile(r"(?i)redaktion|interview|text|fragen|moderation|gespräch|interviewer(?:in)?|questions")


def _bracketed(part: str) -> str:
    """A byline's name without what brackets add: "Frederico Muñoz (SAS Institute)" -> the person; "Jana Kühn
    (Text)" -> Jana Kühn; "Tom Berger (Fotos)" -> "" (took the pictures, did not ask); "Redaktion (Anna Schmidt)"
    -> Anna Schmidt; a transcript's label for the person ("„Karin Weidlich“ (B)") stays."""
    m = re.fullmatch(r"(?P<o>[^()（）]+?)\s*[(（](?P<i>[^()（）]+)[)）]", part)
    if not m or re.fullmatch(r"[A-Z]{1,3}\d{0,2}", m.group("i").strip()):
        return part
    outer, inner = m.group("o").strip(), m.group("i").strip()
    if PICTURE_ROLES.fullmatch(inner):
        return ""
    if ROLE_BEFORE.fullmatch(outer) and looks_like_person(inner):
        return inner  # ("Stadtredaktion (Bad Homburg)": the desk's town, no one's name)
    return outer


def _as_cased(name: str, text: Callable[[], str]) -> str:
    """A name a page's metadata gives in capitals ("MORITZ PAPPERT") as its text (read only then) writes it ("Fotos:
    Moritz Pappert"), else each word capitalised; other names as they are."""
    if not (name.isupper() and len(name.split()) >= 2):
        return name
    return written_as(name, [text()]) or name_cased(name)


def _names(value: object) -> list[str]:
    """People from a front-matter value: a string ("A, B and C"), a list, or dicts with a name."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if not isinstance(value, str):
        return []
    parts = [_bracketed(p.strip()) for p in re.split(r",(?![^()（）]*[)）])|;|\band\b|\bund\b|、|和", value)
             if p.strip()]
    parts = [p for p in parts if p and p.casefold() not in ACCOUNT_NAMES]
    if any(len(p.split()) >= 2 for p in parts):  # "Henrike Köhler, Glockengießerin": a name and a role
        parts = [p for p in parts if (len(p.split()) >= 2 and is_label(p)) or not re.search(r"[A-Za-zÀ-ÿ]", p)]
    return parts


def _uncommented(key: str, value: Any, raw: str) -> Any:
    """A front-matter string as its line writes it when YAML read " #" in it as a comment's start
    ("title: 【修復人物誌 #7】把壞掉的…" reads as "【修復人物誌")."""
    if not isinstance(value, str):
        return value
    line = re.search(rf"^{re.escape(key)}\s*:\s*(?P<v>[^\n]*)$", raw, re.M)
    written = line.group("v").strip() if line else ""
    cut = written.startswith(value) and written[len(value):].lstrip().startswith("#")
    return written if cut and not written.startswith(("'", '"')) else value


TOML_FRONT_MATTER = re.compile(r"\A\ufeff?\s*?\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML (or Hugo's TOML, between `+++` lines) front matter or a Pelican header (`Title: …` lines) and the
    text after it."""
    toml = TOML_FRONT_MATTER.match(text)
    if toml:
        import tomllib

        try:
            parsed = tomllib.loads(toml.group(1))
        except tomllib.TOMLDecodeError:
            parsed = {}
        if parsed:
            return {str(k).lower(): v for k, v in parsed.items()}, text[toml.end():]
    m = FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict):
            return {str(k).lower(): _uncommented(str(k), v, m.group(1)) for k, v in loaded.items()}, text[m.end():]
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, Any] = {}
    for i, line in enumerate(lines):
        km = PELICAN_KEY.match(line)
        if km and km.group("key").lower() in PELICAN_KEYS:
            header[km.group("key").lower()] = km.group("value").strip()
            continue
        if not line.strip() and "title" in header and len(header) >= 2:
            return header, "\n".join(lines[i + 1:])
        break
    return {}, text


LABELLED_NAME = re.compile(r"(?P<n>.+?)\s*\((?P<l>[A-Z]{1,3}\d{0,2})\)")  # "Johanna Reuter (I)"


def _labelled(meta: Meta, people: list[str]) -> list[str]:
    """Names without the short label a header gives them in brackets, which `meta.labels` keeps."""
    out = []
    for person in people:
        m = LABELLED_NAME.fullmatch(person)
        if m:
            meta.labels[m.group("l")] = person = m.group("n")
        out.append(person)
    return out


def from_front_matter(meta: Meta, front: dict[str, Any], source: str = "front matter") -> None:
    def first(keys: tuple[str, ...]) -> Any:
        return next((front[k] for k in keys if front.get(k) not in (None, "", [])), None)

    meta.put("title", first(TITLE_KEYS), source)
    meta.put("publisher", first(PUBLISHER_KEYS), source)
    dated = first(DATE_KEYS)
    if isinstance(dated, dict):  # MkDocs Material's blog: "date: {created: 2024-03-12, updated: …}"
        dated = next((dated[k] for k in ("created", "published", "date") if dated.get(k)), None)
    meta.put("published", iso_date(dated), source)
    links = [web_url(front.get(k)) for k in URL_KEYS]
    links += [web_url(v) for k, v in front.items() if k.endswith(("_url", "_link")) and k not in URL_KEYS]
    meta.put("url", next((u for u in links if u), None), source)
    lang = first(LANGUAGE_KEYS)
    meta.put("language", str(lang).replace("_", "-") if lang else None, source)
    for key in AUTHOR_KEYS:
        meta.authors += [n for n in _labelled(meta, _names(front.get(key))) if n not in meta.authors]
    for key in GUEST_KEYS:
        meta.guests += [n for n in _labelled(meta, _names(front.get(key))) if n not in meta.guests]
    for key in SPEAKER_KEYS:
        meta.speakers += [n for n in _names(front.get(key)) if n not in meta.speakers]
    if len(meta.speakers) == 1 and not meta.guests:
        meta.guests = list(meta.speakers)  # one listed speaker is the one the page is about
    meta.put("teaser", first(TEASER_KEYS), source)


EPISODE_MARK = re.compile(r"^(?:(?:EP|Ep\.?|Episode|Folge|#)\s*\d{1,4}|第\s*\d{1,4}\s*(?:期|集|话|話))"
                          r"\s*[:：|–—-]?\s*(?=\S)")


def without_show(title: str, publisher: str | None) -> str:
    """A title without the show it names and the episode's number ("慢半拍 | EP58 在屋顶养蜂的人：…" ->
    "在屋顶养蜂的人：…"), when one of its parts is the publisher's name; else as it is."""
    parts = [p.strip() for p in SEPARATORS.split(title) if p.strip()]
    if not publisher or len(parts) < 2 or not any(p.casefold() == publisher.casefold() for p in parts):
        return title
    rest = [p for p in parts if p.casefold() != publisher.casefold()]
    return EPISODE_MARK.sub("", rest[0]) if len(rest) == 1 else title


def split_title(raw: str | None, title: str | None) -> tuple[str | None, str | None]:
    """`<title>` "Article | Site" -> (article title, site name); the site only when the other part is the
    article's own title or a generic word."""
    if not raw:
        return title, None
    parts = [p.strip() for p in SEPARATORS.split(raw) if p.strip()]
    if len(parts) < 2:
        return title or raw.strip(), None
    norm = (title or "").casefold().strip()
    for i in (len(parts) - 1, 0):
        rest = [p for j, p in enumerate(parts) if j != i]
        joined = raw.replace(parts[i], "").strip(" |–—-_·｜")
        core = re.sub(r"^[^:：]{1,20}[:：]\s*", "", joined).casefold()  # "Transcript: Who gets the heat?"
        same = norm and (norm == joined.casefold() or norm in joined.casefold()
                         or (len(core) >= 8 and (core in norm or norm in core)))
        generic = all(p.casefold() in GENERIC_TITLE_PARTS for p in rest)
        if (same or generic) and len(parts[i]) <= 40 and len(parts[i].split()) <= 5:
            site: str | None = parts[i]
            if site and site.casefold() in GENERIC_TITLE_PARTS | {"博客", "部落格"}:  # "Blog": whose?
                named = i == len(parts) - 1 and i >= 2 and not SECTION_WORDS.search(parts[i - 1]) \
                    and parts[i - 1].casefold() not in GENERIC_TITLE_PARTS
                site = raw[raw.rindex(parts[i - 1]):].strip() if named else None  # "… · ShardingSphere - 博客": the
                # blog's name; "… · 人物访谈 - 博客", "… | Interviews | Blog": a section's, no one's
            return (title or joined or None), site
    if not title and " :: " in raw and len(parts[0]) <= 40:  # "Site :: Section :: Article": a path, site first
        return parts[-1], parts[0]
    if not title and len(parts[-1]) <= 30:  # "Article title - Site" without og:title: take the common shape
        return " | ".join(parts[:-1]) if len(parts) > 2 else parts[0], parts[-1]
    return title or raw.strip(), None


FRAME = re.compile(r"[^\s:|–—-]{1,30}\s+[:|–—-]\s+")  # a site's or community's short name and a separator


def _unframed(shared: str, raw: str) -> str:
    """The headline an og:title and the <title> frame each their own way ("r/IAmA - I'm Maren …" and
    "I'm Maren … : IAmA"): the text they share, where one adds a short name before it, the other after."""
    for cut in range(1, min(40, len(shared))):
        inner = shared[cut:]
        if raw.startswith(inner) and FRAME.fullmatch(shared[:cut]) and len(inner) >= 20:
            after = raw[len(inner):]
            if re.fullmatch(r"\s+[:|–—-]\s+[^:|–—-]{1,30}", after):
                return inner
    return shared


KEYWORD_TAIL = re.compile(r"(?:_[^_|｜\s]{1,8}){3,}\s*$")


def _site_name(name: str | None) -> str | None:
    """A site name written as a domain ("Pixelwerk.de") -> its name ("Pixelwerk")."""
    if not name:
        return None
    m = re.fullmatch(r"(?:www\.)?([\w-]+)\.[a-z]{2,12}", name.strip(), re.I)
    return m.group(1) if m else name.strip()


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(node)
        except (ValueError, TypeError):
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                out += [g for g in item.get("@graph", []) if isinstance(g, dict)] or [item]
    nodes = {n["@id"]: n for n in out if isinstance(n.get("@id"), str) and len(n) > 1}

    def resolved(value: Any) -> Any:  # {"@id": "…#/schema/person/91ef…"}: the node of the graph it names
        if isinstance(value, list):
            return [resolved(v) for v in value]
        if isinstance(value, dict) and set(value) == {"@id"}:
            return nodes.get(value["@id"], value)
        return value
    return [{**n, **{k: resolved(n[k]) for k in ("author", "publisher") if k in n}} for n in out]


PUBLISHED_DOCUMENT = re.compile(r"""class=["'][^"']*\b(?:doc-content|MsoNormal|MsoTitle)\b"""
                                r"""|content=["']Microsoft Word""")
TITLE_STYLED = ("(//p[contains(concat(' ', normalize-space(@class), ' '), ' title ')] | "
                "//p[contains(@class, 'MsoTitle')])[1]//text()")  # Google Docs', Word's


AUTHOR_LINKS = '//a[contains(@href, "/author/") or @rel="author"]'
FILE_TITLE = re.compile(r"(?i)[^\s/\\]+\.(?:indd|idml|pdf|docx?|odt|rtf|pages|qxp|qxd|psd|ai|eps|pptx?|key|txt|md|"
                        r"html?|xml)")


ARTICLE_HEADER = re.compile(r"(?i)entry|post|article|page-header|story")  # a <header> of the article, not the site


def _headline_h1(tree: Any) -> str | None:
    """The page's first <h1>, or where a site sets its own name in an <h1> too ("ShardingSphere - 博客" over the
    post's): the first not in the site's header or menu, else the first the page's <title> holds without being all
    of it, else the first."""
    shown = [(h, " ".join(" ".join(h.xpath(".//text()")).split())) for h in tree.xpath("//h1")]
    shown = [(h, t) for h, t in shown if t]
    if len(shown) <= 1:
        return shown[0][1] if shown else None
    menu = re.compile(r"(?i)\bnav|menu|logo|brand|site-?(?:title|name|header|branding|banner)|masthead|top-?banner|"
                      r"header-?banner")  # (the site's name, its menu; not a post's hero banner)
    notice = re.compile(r"(?i)cookie|consent|gdpr|modal|popup")  # (a notice over the page)

    def inside(h: Any, rx: re.Pattern[str]) -> bool:
        return any(rx.search(f"{a.get('class', '')} {a.get('id', '')}") or (rx is menu and a.tag == "nav")
                   or (rx is menu and a.tag == "header" and not ARTICLE_HEADER.search(a.get("class", ""))
                       and not h.xpath("ancestor::article|ancestor::main"))
                   for a in [h, *h.iterancestors()])
    shown = [(h, t) for h, t in shown if not inside(h, notice)] or shown
    plain = [t for h, t in shown if not inside(h, menu)]
    if plain:
        return plain[0]
    titles = tree.xpath("//head/title")
    raw = " ".join(" ".join(titles[0].xpath(".//text()")).split()) if titles else ""
    held = [t for _, t in shown if raw and t in raw and t != raw]
    return max(held, key=len) if held else shown[0][1]


def from_html(html: str, page_url: str | None) -> Meta:
    """Metadata of a web page from its head, JSON-LD, byline and the address it was fetched from."""
    import lxml.html

    meta = Meta()
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return meta

    body_text = cache(lambda: " ".join(tree.xpath("//body//text()")))  # (read once, where a rule needs it)

    def prop(*names: str) -> str | None:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                found = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
                if found and str(found[0]).strip():
                    return str(found[0]).strip()
        return None

    ld = [i for i in _json_ld(tree) if str(i.get("@type", "")).endswith(("Article", "Posting", "Episode", "Page",
                                                                         "CreativeWork", "Interview"))]
    item = next((i for i in ld if not str(i.get("@type", "")).endswith("Page")), ld[0] if ld else {})  # (the
    # article itself before the page holding it, in a graph of both)
    styled = " ".join(" ".join(tree.xpath(TITLE_STYLED)).split()) if PUBLISHED_DOCUMENT.search(html) else ""
    h1 = _headline_h1(tree) or styled or None  # (a published document's paragraph in its Title style, if no <h1>)
    og_title = prop("og:title", "twitter:title")
    titles = tree.xpath("//head/title") or tree.xpath("//title[not(ancestor::svg)]")  # (an icon's own <title>)
    raw_title = " ".join(" ".join(titles[0].xpath(".//text()")).split()) or None if titles else None
    if raw_title and FILE_TITLE.fullmatch(raw_title):
        raw_title = None  # "SL_0424_p34-36_Interview_Vance_v6.indd": the layout file a converter saw, no title
    title, site = split_title(raw_title, og_title or item.get("headline") or h1)
    chosen = og_title or item.get("headline") or h1 or title
    if og_title and h1 and h1 != og_title and h1 == item.get("headline"):  # og:title reworded for sharing:
        chosen = h1  # the headline the page and its JSON-LD agree on
    if isinstance(chosen, str) and h1 and chosen != h1 and chosen in h1 and raw_title and h1 in raw_title:
        chosen = h1  # og:title a shortened headline ("„Ein Münster ist nie fertig“"): the page's whole one
    if isinstance(chosen, str):  # og:title "Meet … Alexandria Douziech - LA Weekly": the site's name after it
        names_of_site = {n.casefold() for n in ([prop("og:site_name")] if prop("og:site_name") else [site]) if n}
        framed = SITE_AFTER.fullmatch(chosen)
        if framed and framed.group("s").casefold() in names_of_site \
                and framed.group("t").casefold() not in GENERIC_TITLE_PARTS | GENERIC_HEADINGS | {"im gespräch"}:
            chosen = framed.group("t")  # (not "Im Gespräch - Anna Weber": a kicker and the one interviewed)
        elif chosen == title and raw_title and not (og_title or item.get("headline") or h1):
            column = re.search(r"\s*--\s*([^-\s]{1,8})$", chosen)  # "王蒙：读书是一种风度--读书推荐": the column, named
            # in the site's menu too (not "--记乡村教师王建国")
            if column and body_text().count(column.group(1)) > body_text().count(chosen):
                chosen = chosen[:column.start()]
    headline = item.get("headline") if isinstance(item.get("headline"), str) else None
    parts = [p.strip() for p in SEPARATORS.split(raw_title or "") if p.strip() and p.strip() != site]
    article_part = max(parts, key=len) if parts else None  # <title> without the site's part
    if isinstance(chosen, str):  # og:title "Fischerei in der Ostsee: Meeresbiologin …", the headline without
        chosen = next((r for r in (headline, article_part, h1) if r and chosen.endswith(r)  # the kicker before it
                       and (re.fullmatch(r"[^:：]{2,60}[:：]\s*", chosen[:-len(r)])
                            or (r in (h1, headline) and re.fullmatch(r"[^:：]{2,60}\s[-–—|]\s*", chosen[:-len(r)])
                                and r.casefold() not in {(site or "").casefold(),
                                                         (prop("og:site_name") or "").casefold()}))), chosen)
        # ("城市有道 - 街市仲有冇明天？" over the page's <h1> "街市仲有冇明天？": the show's name before the episode's)
    if isinstance(chosen, str) and raw_title:
        chosen = _unframed(chosen, raw_title)
    meta.put("title", chosen, "page")
    for other in (og_title, headline, h1, title, article_part):  # og:title a quote, the guest named in <title>
        if other and other != meta.title and other not in meta.other_titles:
            meta.other_titles.append(other)
    publisher = item.get("publisher") or item.get("partOfSeries")
    pub_name = publisher.get("name") if isinstance(publisher, dict) else publisher
    site_name = prop("citation_journal_title", "og:site_name", "application-name")  # a journal before its press
    if site_name and site and site != site_name and site in _script_parts(site_name):
        site_name = site  # "城市漫步週刊 City Stroll Weekly", <title> ending "| 城市漫步週刊": the name the title gives
    own_url = (tree.xpath('//link[@rel="canonical"]/@href') or [prop("og:url") or page_url or ""])[0]
    hosted = any((urlsplit(own_url).hostname or "").endswith("." + h) for h in HOSTED_SITES) and site_of(own_url)
    if (isinstance(pub_name, str) or hosted) and site_name and site_name.strip().casefold() in PLATFORMS:
        site_name = None  # og:site_name "Medium", "Notion": the platform; the publication is JSON-LD's ("The Build
        # Log") or the one the platform hosts ("pinewick.notion.site")
    meta.put("publisher", site_name, "og:site_name")
    meta.put("publisher", pub_name if isinstance(pub_name, str) else None, "JSON-LD")
    marked = _marked_site(raw_title, tree) if raw_title and site else None
    first = (SEPARATORS.split(raw_title or "")[0] or "").strip().casefold()
    kind = first.removeprefix((marked or "").casefold()).strip()
    if marked and site and marked.casefold() not in site.casefold() and first.startswith(marked.casefold()) \
            and kind in SITE_KINDS:  # "ASAP Sports Transcripts - … - Renee
        site = None  # Calloway" and "© 2024 ASAP Sports": the site the page marks, not the title's other end
        meta.put("publisher", marked, "<title> and the page's site mark")
    if not KEYWORD_TAIL.search(raw_title or ""):  # "…_书屋_孩子_岩脚村": a portal's keywords, no site
        meta.put("publisher", _site_name(site), "<title>")
    if raw_title and not meta.publisher:
        meta.put("publisher", _marked_site(raw_title, tree), "<title> and the page's site mark")
    times = tree.xpath("//time/@datetime")
    meta.put("published", iso_date(prop("article:published_time", "datePublished", "date", "pubdate",
                                        "DC.date.issued", "DC.date", "publish-date", "publishdate", "PublishDate",
                                        "publication_date", "parsely-pub-date", "sailthru.date")
                                   or item.get("datePublished") or (times[0] if times else None)), "page")
    for term in tree.xpath("//dl/dt"):  # an archive item's record: <dt>Interviewee</dt><dd>Edith Barlow</dd>
        value = term.getnext()
        key = " ".join(term.text_content().split()).strip(" :：").casefold()
        if value is None or value.tag != "dd" or key not in RECORD_KEYS:
            continue
        shown = " ".join(value.text_content().split())
        field = RECORD_KEYS[key]
        if field == "published":
            meta.put("published", iso_date(shown), "the item's record")
        elif field == "interviewee" and shown and len(shown.split()) <= 5 and shown not in meta.guests:
            meta.guests.append(shown)
        elif field == "interviewer" and shown and len(shown.split()) <= 5 and shown not in meta.authors:
            meta.authors.append(shown)
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    og_url = web_url(prop("og:url"), page_url)
    if og_url and canonical and not urlsplit(canonical[0]).scheme \
            and unquote(urlsplit(og_url).path).strip("/") != unquote(canonical[0].split("?")[0]).strip("/"):
        og_url = None  # a site-wide og:url (its home page) beside the page's own path
    elif og_url and re.fullmatch(r"(?:(?:utm_\w+|fbclid|gclid)=[^&]*&?)+", urlsplit(og_url).query):
        og_url = og_url.split("?")[0]  # ("…?utm_source=facebook": a share's tracking, not the address)
    site_wide = urlsplit(prop("og:url") or "").path.strip("/") == ""  # (the home page's address, no article's)
    meta.put("url", web_url(canonical[0] if canonical else None, page_url) or og_url
             or _written_out(canonical[0] if canonical else None, html)
             or (None if site_wide else web_url(prop("og:url"), page_url))
             or web_url(prop("Url"), page_url)  # a Chinese government site's <meta name="Url">
             or next((u for n in [item, *ld] if (u := web_url(n.get("url"), page_url))), None)  # (the page's node may
             # hold it, not the article's)
             or web_url(page_url), "page")
    lang = tree.xpath("/html/@lang")
    meta.put("language", lang[0] if lang else None, "page")
    author = prop("author", "article:author")
    ld_author = item.get("author")
    meta.authors += [n for n in dict.fromkeys(_as_cased(a, body_text) for a in _names(author) + _names(ld_author))
                     if n not in meta.authors]
    linked = [a for a in tree.xpath(AUTHOR_LINKS) if a.text_content().strip() and _byline_links(a.getparent())]
    # (the byline's links to its authors' pages, together: "Nadia Ferreira-Holt, Ben Oduya"; not a portrait's link,
    # a card in the sidebar, a columnist linked in a sentence)
    for a in linked[0].getparent().xpath(f".{AUTHOR_LINKS[1:]}") if linked else []:
        shown = " ".join(a.text_content().split())
        if len(shown.split()) >= 2 and looks_like_person(shown) and shown not in meta.authors:
            meta.authors.append(shown)
    if (meta.publisher or "").casefold() in VIDEO_PLATFORMS and isinstance(author, str) and author.strip():
        meta.publisher, meta.found["publisher"] = author.strip(), "the channel"  # the site only hosts the video
    elif (meta.publisher or "").casefold() in NOTE_PLATFORMS:  # a note on 小红书 or 微博: its account publishes it
        account = (author if isinstance(author, str) and author.strip() else None) or next(
            (" ".join(el.text_content().split()) for el in tree.xpath(ACCOUNT_NAME)), None)
        if account:
            meta.publisher, meta.found["publisher"] = account.strip(), "the account"
    meta.put("teaser", prop("og:description", "description"), "page")
    body = tree.xpath("//body") or [tree]  # a bare fragment has no <body>: it is all body
    for el in body[0].iter() if body else ():
        if isinstance(el.tag, str) and el.tag in BLOCKS:
            el.tail = "\n" + (el.tail or "")  # a line per block, as the page shows it
    text = body[0].text_content() if body else ""
    from_wechat(meta, tree, html)
    if not meta.published:  # a date element the page shows: <span class="article-time">2024-12-05 08:41</span>
        for el in tree.xpath(DATE_ELEMENTS):
            shown = " ".join(el.text_content().split())
            if len(shown) <= 40 and _only_date(re.sub(r"\s*\d{1,2}:\d{2}(?::\d{2})?\s*$", "", shown)):
                meta.put("published", iso_date(shown), "page")
                break
    lede = tree.xpath(LEDE_ELEMENTS)
    if lede:  # the standfirst the page shows may name the guest where the description does not
        shown = " ".join(lede[0].text_content().split())
        if 20 <= len(shown) <= 600 and shown != meta.teaser:
            meta.teaser = "\n".join(filter(None, [meta.teaser, shown]))
    from_byline(meta, text[:6000])
    lines = "\n".join(line.strip() for line in text.split("\n") if line.strip())  # (as a reader sees them)
    for line in lines.split("\n")[:MASTHEAD_LINES]:  # below a long menu: "From Tamsin Waters … | Posted 2 March 2003"
        if not meta.published and len(line) <= 200 and POSTED.search(line):
            meta.put("published", iso_date(line), "byline")
    own = SELF_LINK.search(lines)  # "Page address: http://…" in the footer of a page that gives no canonical link
    if own:
        meta.put("url", web_url(_own_link(own)), "the page's own link line")
    meta.shown = " ".join((body[0] if body else tree).xpath(SHOWN_TEXT))
    meta.put("publisher", as_written(site_of(meta.url or page_url), lines), "web address")
    return meta


SHOWN_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
SITE_MARKS = ("//a[@href='/' or @href='./' or @class='logo' or contains(@class, 'brand')]//img/@alt | "
              "//*[contains(@class, 'logo') or contains(@class, 'brand') or contains(@class, 'site-name') or "
              "contains(@class, 'site-title')]//text()")
MARK_LINE = re.compile(r"(?:©|\(c\)|copyright|版权所有|版權所有|来源[:：]|來源[:：]|quelle:)\s*(?:©\s*)?"
                       r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<n>[^\n.,;|｜。，]{2,40})", re.I)


def _script_parts(name: str) -> list[str]:
    """A bilingual name's parts in Han and in Latin script ("城市漫步週刊 City Stroll Weekly")."""
    return [p.strip() for p in re.findall(r"[\u3400-\u9fff][^A-Za-z]*|[A-Za-z][^\u3400-\u9fff]*", name) if p.strip()]


INSTITUTION = re.compile(r"(?i)university|college|museum|society|foundation|institute|library|school|hospital|"
                         r"universität|hochschule|stiftung|institut|bibliothek|klinikum|大学|大學|学院|學院|博物馆|博物館")


def _marked_site(raw_title: str, tree: Any) -> str | None:
    """The site's name when a part of `<title>` ("…_澜江新闻网", "… | Soil & Signal Podcast") agrees with a
    mark the page shows of itself: its logo's text, a brand element, a copyright or source line. The mark
    is taken when the last title part begins with it ("Soil & Signal" of "Soil & Signal Podcast"); the first
    part only when it is the mark ("© 2024 Jane Doe" does not make "Jane Doe on rivers | …" her site)."""
    parts = [p.strip() for p in SEPARATORS.split(raw_title) if p.strip()]
    if len(parts) < 2:
        return None
    marks = [" ".join(str(m).split()) for m in tree.xpath(SITE_MARKS)]
    text = "\n".join(" ".join(t.split()) for t in tree.xpath("//body//text()")[-400:])
    marks += [m.group("n").strip() for m in MARK_LINE.finditer(text)]
    best = None
    for last, part in ((True, parts[-1]), (False, parts[0])):  # the site's part: last, or (exactly) first
        low = part.casefold()
        for mark in marks:
            m = mark.casefold()
            begins = low.startswith(m + " ") or (m.startswith(low) and len(low) >= 4)
            kind = low.removeprefix(m).strip()  # "ASAP Sports Transcripts": the site and what it holds
            if len(m) >= 3 and (low == m or (last and begins) or (begins and kind in SITE_KINDS)):
                rest = part[len(mark):].strip() if low.startswith(m) else ""
                found = (part if m.startswith(low) or INSTITUTION.fullmatch(rest)  # ("Calderwood University")
                         else part[:len(mark)] if low.startswith(m) else mark)  # (as the title writes it)
                if best is None or len(found) > len(best):
                    best = found
        if best:
            return best
    return None


DATE_ELEMENTS = ("//*[self::span or self::div or self::p or self::em or self::time]"
                 "[contains(@class, 'time') or contains(@class, 'date') or contains(@id, 'time') or "
                 "contains(@id, 'date') or contains(@class, 'publish')]")
LEDE_ELEMENTS = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' summary ') or "
                 "contains(@class, 'standfirst') or contains(@class, 'teaser') or contains(@class, 'lede') or "
                 "contains(@class, 'article-intro') or contains(@class, 'dek') or contains(@class, 'subheadline')]")
WECHAT_TIME = re.compile(r"""\bvar\s+ct\s*=\s*["']?(\d{10})["']?""")
WECHAT_NAME = re.compile(r"""\bvar\s+nickname\s*=\s*(?:htmlDecode\()?["']([^"']{2,40})["']""")


def from_wechat(meta: Meta, tree: Any, html: str) -> None:
    """A WeChat article page (mp.weixin.qq.com layout, also saved or mirrored): the account is the publisher
    and the publish time is in #publish_time or the page script's `ct` (seconds)."""
    account = tree.xpath('//*[@id="js_name"]') or tree.xpath('//*[contains(@class, "profile_nickname")]')
    named = " ".join(account[0].text_content().split()) if account else ""
    script = WECHAT_NAME.search(html)
    if not named and script:
        named = script.group(1)
    if named and len(named) <= 40 and (tree.xpath('//*[@id="activity-name"]') or "rich_media" in html):
        platform = (None, "web address", "<title>", "og:site_name")  # og:site_name there names WeChat (微信公众平台)
        meta.publisher = None if meta.found.get("publisher") in platform else meta.publisher
        meta.put("publisher", named, "WeChat account")
    shown = tree.xpath('//*[@id="publish_time"]')
    when = iso_date(" ".join(shown[0].text_content().split())) if shown else None
    ct = WECHAT_TIME.search(html)
    if not when and ct:
        import datetime as dt
        when = dt.datetime.fromtimestamp(int(ct.group(1)), dt.timezone(dt.timedelta(hours=8))).date().isoformat()
    if when:
        meta.put("published", when, "WeChat page")


DATE_RANGE = re.compile(r"\b\d{1,2}\.?\s*[–—-]\s*\d{1,2}\.?\s+[A-Za-zÄÖÜäöü]{3,}|\b[A-Z][a-z]{2,8}\s+\d{1,2}\s*[–—-]\s*"
                        r"\d{1,2},?\s+\d{4}")
# a lower-case word before "von" (a wrapped line of a sentence: "… weshalb / sie von Bewerbern kein …"), not a
# credit's participle ("geführt von", "moderiert von")
RUNNING_VON = re.compile(r"(?<![\w-])(?!(?:ge\w+t|moderiert|verfasst|übersetzt|aufgezeichnet)\W*$)[a-zäöüß]\w*\W*$")
BY_ON = re.compile(r"(?i)(?:by|von)\s+\S+\s+(?:on|am)\s+\S+$")  # "By usesthis.com on 2011/04/09"


def from_closing_credit(meta: Meta, text: str) -> None:
    """The interviewer a credit line under the interview names, when no byline named anyone (and the one he or she
    spoke with, where it says so)."""
    for line in text.strip().split("\n")[-30:]:
        m = CLOSING_CREDIT.match(line.strip().strip("*_"))
        if m:
            if not meta.authors:
                meta.authors.append((m.group("n") or m.group("h")).rstrip("."))
            guest = (m.group("g") or "").rstrip(".")  # "Das Gespräch führte Jonas Reuter mit Sabine Keller." over
            # "Keller:" answers (not "mit Kollege Tom Berger", who asked too)
            labelled = guest and re.search(rf"(?m)^\W*{re.escape(guest.split()[-1])}\W*[:：]", text)
            if labelled and guest not in meta.guests:
                meta.guests.append(guest)
            return


# the text's own line on who interviewed whom, above it: "Ein Interview von Eugen Zentner mit Sonja Silberhorn.",
# "An interview by Ann Lee with Tom Berg" (a CMS's author field may name whoever posted it)
INTERVIEW_BY = re.compile(r"^\W*(?i:ein |an )?(?i:interview|gespräch)\s+(?i:von|by)\s+"
                          r"(?P<n>[A-ZÄÖÜ][\w'.-]+(?: [A-ZÄÖÜ][\w'.-]+){1,2})\s+(?i:mit|with)\s+"
                          r"(?P<g>[A-ZÄÖÜ][\w'.-]+(?: [A-ZÄÖÜ][\w'.-]+){1,2})\W*$")


# the text's own line on when the interview was held, above it: "Interview mit Bernhard E. Reiter, …, vom
# 15.05.2018:", "A conversation with Ann Lee, recorded on May 3, 2021"
INTERVIEW_ON = re.compile(r"(?i)^\W*(?:ein |an? |the )?(?:interview|gespräch|conversation|oral history)\b[^\n]{0,200}?"
                          r"\b(?:vom|am|on|held on|recorded on|aufgezeichnet am|geführt am)\s+(?P<d>[^\n]{6,20})")


def from_interview_credit(meta: Meta, text: str) -> None:
    """Who asked and who answered, where a line at the top of the text says so (over a CMS's author field); when
    it was held, where nothing else dates the text."""
    for paragraph in text.strip().split("\n\n")[:4] if not meta.published else []:  # (a wrapped line joined)
        held = INTERVIEW_ON.match(" ".join(paragraph.split()))
        if held and iso_date(held.group("d")):
            meta.put("published", iso_date(held.group("d")), "the interview's date line")
            break
    for line in text.strip().split("\n")[:15]:
        m = INTERVIEW_BY.match(re.sub(r"\*+|(?<!\w)_+|_+(?!\w)", "", line).strip().rstrip("."))  # ("*… **Eugen …**…*")
        if m and looks_like_person(m.group("n")) and looks_like_person(m.group("g")):
            meta.authors[:] = [m.group("n")]
            if m.group("g") not in meta.guests:
                meta.guests.append(m.group("g"))
            return


POSTED = re.compile(r"(?:^|[·|｜]\s*)(?i:posted|published|veröffentlicht|发布于|發布於)\b")  # a byline's date part
MASTHEAD_LINES = 200  # lines of a page's text (menus included) that its byline may come after


MENU_VERB = re.compile(r"(?i)\b(?:search|searching|sort|sorted|filter|filtered|browse|order|ordered|group|grouped|"
                       r"find|suche|suchen|sortieren|sortiert|filtern|gefiltert)\s*$")


def from_byline(meta: Meta, text: str) -> None:
    """Authors, the source publication and a date from byline-like lines near the top of the text."""
    for line in text.split("\n")[:80]:
        line = line.strip().lstrip("#").strip(" *_")  # a byline may be a heading or emphasised
        unlinked = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # "By [usesthis.com](…) on …": the link's text
        if line.startswith("!["):  # an image's alt text ("![(c) by Sebastian Kügler](…)") and the caption after it
            line = re.sub(r"^(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+", "", line)  # credit the photo, not the article; a
            if not re.match(r"(?i)(?:by|von|posted|published|veröffentlicht)\b", line):  # byline beside an avatar
                continue  # stays ("![Tom Keller](…avatar.png) By Tom Keller · March 3, 2023")
        if not line or len(line) > 200:
            continue
        if line == (meta.title or "").strip():  # "Oral History Interview: Margaret Okonkwo-Reyes": the headline
            continue  # names the one interviewed, not who wrote it
        for rx in BYLINE:
            for m in rx.finditer(line):
                name = m.group("n").strip().rstrip(".")
                bare = re.match(r"\s*[\s·|]?(?i:by|von)\s", m.group(0))
                if bare and m.start() > 0 and not re.match(r"[·|]", line[m.start():]) and (
                        len(line) > 80 or (re.match(r"\W?von\b", m.group(0), re.I) and RUNNING_VON.search(
                            line[:m.start() + 1]))):
                    continue  # "Die Zellfabrik von Voltara in der Lausitz …", "sie von Bewerbern kein …": a sentence
                if bare and m.start() > 0 and " " not in name.strip() and _everyday_word(name) and not re.search(
                        r"(?i)\b(?:written|posted|interview(?:ed)?|text|story|words|reported|edited|published)\s*$",
                        line[:m.start() + 1]):
                    continue  # "Archive by Sport", "Sort by Date": a menu's words, no one's name
                if bare and m.start() > 0 and MENU_VERB.search(line[:m.start() + 1]):
                    continue  # "Search by Keyword", "Filter by Author": a form's words
                if bare and m.start() > 0 and " " not in name.strip() and re.search(r"[.!?]", line[m.end():]):
                    continue  # "Die Cellosuiten von Bach, alle sechs. Da hat man …": a sentence's "von"
                if rx is BYLINE[1] and re.search(r"您|你好|[？?]", line[m.end():]):
                    continue  # "记者：风天老师，您好，…？": the reporter's first question, the guest it greets
                if name not in meta.authors and not re.search(r"\d", name) and name not in ROLE_WORDS:
                    meta.authors.append(name)
        src = SOURCE_LINE.search(unlinked)  # ("译文出自：[掘金翻译计划](https://…)": the link's text)
        if src:
            named = src.group("n") or src.group("p")
            account = ACCOUNT.fullmatch(named or "")  # "来源：公众号「山间书房」": the account
            meta.put("publisher", account.group("a") if account else named, "byline")
        if DATE_RANGE.search(line):
            continue  # "16–18 October 2024 · Convention Centre": an event's days, not the article's date
        if (len(line) <= 120 or POSTED.search(line)) and (
                re.search(r"[·|｜]|(?i:veröffentlicht|published|posted|发布|發布|\bam\b)", line)
                or BYLINE[0].match(line) or _only_date(line) or BY_ON.match(unlinked)):
            meta.put("published", iso_date(line), "byline")


LAST_EDITED = re.compile(r"^\W{0,3}(?:最後編輯|最后编辑|最後更新|最后更新|last edited|last updated|zuletzt bearbeitet|"
                         r"zuletzt aktualisiert)\s*[:：]\s*(?P<d>[\d./\-年月日 ]{6,20})\s*$", re.I | re.M)
BYLINE_START = re.compile(r"^(?i:interview(?:ed)? by|by|von|text:|das (?:gespräch|interview) führte(?:n)?)\s+"
                          r"[A-ZÄÖÜ][\w'’.-]+\s+[A-ZÄÖÜ][\w'’-]+\W*$|^(?:采访|採訪|文)\s*[／/|:：]|"
                          # "記者 李敏"
                          r"^(?:记者|記者|本报记者|本報記者)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})?$")
GENERIC_HEADINGS = {"info", "infos", "transcript", "transkript", "transkription", "interview", "contents", "inhalt",
                    "intro", "introduction", "einleitung", "summary", "notes", "about", "目录", "正文", "简介"}


# a text's first line that says what it is ("Oral history interview with Walter Penn"): its title
INTERVIEW_LINE = re.compile(r"(?i)[^.!?。！？:：\n]{0,60}\b(?:interview|conversation|gespräch|q ?& ?a)\s+(?:with|mit)"
                            r"\s+[^.!?。！？\n]{3,80}")
# a headline in quotes, perhaps after whose words they are ("Dr. Adaeze Okafor: „Seegraswiesen sind …“");
# a quoted question is no title
DASH_SUBTITLE = re.compile(r"——[^\n]{2,40}(?:访谈录|訪談錄|访谈|訪談|对话|對話|专访|專訪|口述)")
UNCLOSED = re.compile(r"[„“\"»«][^„“”\"»«\n]{3,80}")  # a headline's first line, its quote still open
QUOTED_HEADLINE = re.compile(r"(?:[^„“\"»«:\n]{3,60}:\s*)?[„“\"»«][^„“”\"»«\n]{5,120}(?<![?？])[“”\"«»]")
CAPS_CONVERSATION = re.compile(r"(?m)^[ \t]*(?:A |AN )?(?:CONVERSATION|INTERVIEW|IN CONVERSATION|Q ?& ?A|GESPRÄCH|"
                               r"IM GESPRÄCH) (?:WITH|MIT) [A-ZÄÖÜÀ-Þ][A-ZÄÖÜÀ-Þ .'’-]{2,60}$")
RECORD_KEYS = {"date": "published", "interview date": "published", "date of interview": "published",
               "recorded": "published", "datum": "published", "日期": "published", "採訪日期": "published",
               "采访日期": "published", "interviewee": "interviewee", "narrator": "interviewee",
               "interviewpartner": "interviewee", "受访者": "interviewee", "受訪者": "interviewee",
               "受访人": "interviewee", "受訪人": "interviewee", "口述人": "interviewee", "采访人": "interviewer",
               "採訪人": "interviewer",
               "interviewer": "interviewer", "interviewed by": "interviewer", "采访者": "interviewer",
               "採訪者": "interviewer"}
PUBLISHED_LINE = re.compile(r"(?im)^[ \t*_-]*(?:發布日期|发布日期|發佈日期|发布时间|發布時間|发表时间|發表時間|"
                            r"发表日期|發表日期|"
                            r"publication date|published on|published|release date|veröffentlicht(?: am)?|"
                            r"erscheinungsdatum)[ \t*_]*[:：][ \t*_]*(?P<d>[^\n|｜·]{6,40})"
                            r"|(?:发布于|發佈於|發布於)[ \t]*(?P<d2>(?:19|20)\d\d-\d{1,2}-\d{1,2})"  # "发布于 …"
                            # a press release's dateline: "Göttingen, 14. März 2024 – Die …", "BERLIN, May 3, 2024 —"
                            r"|^[ \t*_]*(?-i:[A-ZÄÖÜ][\w.-]+(?:[ /-][A-ZÄÖÜ][\w.-]+)?),[ \t]+(?:den[ \t]+)?"
                            r"(?P<d3>\d{1,2}\.[ \t]*\w+[ \t]+(?:19|20)\d\d|\w+[ \t]+\d{1,2},[ \t]+(?:19|20)\d\d)"
                            r"[ \t]+[–—-][ \t]")
# a breadcrumb trail whose first link goes to the site's root, over a text's title: the site's name
BREADCRUMB = re.compile(r"^\s*\[(?P<n>[^\]\n]{2,60})\]\(https?://[^/)\s]+/?\)\s*(?:›|»|>|/|\||·|→)\s*\[", re.M)
HOME_WORDS = {"home", "start", "startseite", "homepage", "index", "首页", "首頁", "主页", "主頁", "wiki", "forum",
              "forums", "community", "communities", "board", "boards", "discussions", "diskussion", "论坛", "論壇",
              "社区", "社區"}
COPYRIGHT_LINE = re.compile(r"(?im)^[ \t*_]*(?:<\w+>[ \t]*)?(?:©|\(c\)|copyright)[ \t]*"
                            r"(?:(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:19|20)\d\d)?)?"
                            r"[ \t]+(?P<n>(?!(?:Dr|Prof|St|Mr|Mrs|Ms)\.)[^\n.,;|·©<]{2,40}?)[ \t*_]*"
                            r"(?:$|[ \t]+[·|][ \t]|(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)\.(?=[ \t]+(?!(?:Photo|"
                            r"Foto|Bild|Image|Illustration|Grafik|Credit)\b)[A-ZÄÖÜ]))")
# (before "· Impressum", or a sentence after it: "© 2024 Spindle & Loom. Reprinted for …")
PLAIN_CRUMBS = re.compile(r"^[ \t]*[^\n›»\[\]()]{2,60}(?:[ \t][›»][ \t][^\n›»\[\]()]{2,60}){2,}[ \t]*$", re.M)


LETTERHEAD = re.compile(r"^[ \t*_#]*(?P<n>(?:[A-ZÄÖÜ][\w&-]*[ \t]+){1,6}(?:e\.[ \t]?V\.|gGmbH|GmbH(?: & Co\. KG)?|AG|"
                        r"Ltd\.|Inc\.|LLC))(?=[ \t*_]|$)"
                        # an institution's name over a project's: "Millbrook Valley Historical Society · Voices of …"
                        r"|^[ \t*_#]*(?P<i>(?:[A-ZÄÖÜ][\w&'’-]*[ \t]+){0,5}"
                        r"(?:Society|Museum|Archives?|Library|Institute|"
                        r"Foundation|Association|Trust|College|University|Verein|Stiftung|Archiv|Bibliothek|Gesellschaft|"
                        r"Institut))[ \t]+[·|][ \t]+(?![^\n]*(?i:interview|gespräch|conversation))\S")


def letterhead(text: str) -> str | None:
    """The organisation whose letterhead opens the text ("Fachverband Holzbau Südniedersachsen e.V.
    Mitgliederinformation 03/2024"): who publishes a press release or a member letter."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    m = LETTERHEAD.match(first)
    if not m or len(first) > 120 or re.search(r"[.!?]\s*$", first.strip(" *_")) \
            or re.match(r"(?i)(?:die|der|das|the|a|an|unsere?|our)\s", m.group("n") or m.group("i")):
        return None  # ("Die Stadtwerke Münster GmbH versorgen rund …": a sentence about it)
    return m.group("n") or m.group("i")


def date_line(text: str, reach: int = 6000) -> str | None:
    """The date a line within `reach` characters says the text was published ("發布日期：114-03-18",
    "Publication date: April 8, 2025", "发布于 2024-05-03 10:00"), or None."""
    for dated in PUBLISHED_LINE.finditer(text[:reach]):
        if dated.group("d3") and (dated.start() > DATELINE_REACH or _everyday_word(dated.group(0).split(",")[0])):
            continue  # "Natürlich, 9. November 1989 – das vergisst man nicht.": an answer, no dateline
        return iso_date(dated.group("d") or dated.group("d2") or dated.group("d3"))
    return None


DATELINE_REACH = 1500  # characters from the top where a press release's dateline stands
# a record's field for when the interview took place ("时间：2024年11月8日 下午2:30", "Interview date: 12 March 2025")
INTERVIEW_DATE_LINE = re.compile(r"(?im)^[ \t*_-]*(?:时间|時間|日期|采访时间|採訪時間|访谈时间|訪談時間|采访日期|"
                                 r"採訪日期|interview date|date of (?:the )?interview|date|datum|gesprächsdatum)"
                                 r"[ \t*_]*[:：][ \t*_]*(?P<d>[^\n|｜·]{6,40})")


# a printed or saved text's line giving its own address: "Read this interview online: https://…", "Dieses Interview
# online: https://…", "本文链接：https://…" (not "via:" or "原文链接", a translation's original)
OWN_ADDRESS = re.compile(r"(?im)^[ \t*_>-]*(?:read (?:this|the(?: full)?) (?:interview|article|story|piece|"
                         r"conversation) online|(?:this|the full) (?:interview|article|conversation) (?:is )?"
                         r"(?:online|available) at|"
                         r"(?:dieses|das) (?:interview|gespräch)(?: online| im netz)(?: lesen| nachlesen| unter)?|"
                         r"online (?:lesen|nachlesen|unter)|本文链接|本文鏈接)[ \t*_]*[:：]?[ \t*_]*<?"
                         r"(?P<u>https?://[^\s>)\]]+)")


def own_address(text: str) -> str | None:
    """The address a text says it can be read at online, if it says so."""
    found = OWN_ADDRESS.search(text)
    return web_url(found.group("u").rstrip(".,;")) if found else None


def interview_date(text: str, reach: int = DATELINE_REACH) -> str | None:
    """The date a record's field near the top, before the first question, gives for the interview, for a text that
    gives no other (not a diary's "Date: Monday, 4 May 1970" read out in an answer)."""
    asked = re.search(r"[?？]", text)
    for dated in INTERVIEW_DATE_LINE.finditer(text[:min(reach, asked.start() if asked else reach)]):
        found = iso_date(dated.group("d"))
        if found:
            return found
    return None


def _everyday_word(words: str) -> bool:
    """Whether a dateline's place is an everyday word ("Natürlich", "Yes"), no place."""
    from retrieval.generality import zipf

    return any(max(zipf(w, "de"), zipf(w, "en")) >= 5.0 for w in re.findall(r"[^\W\d_]+", words))


# a show's name before its episode number in a title: "慢车道 Vol.47｜在屋顶养蜂的人", "Werkbank EP 12: Reet",
# "Zeitzeichen Folge 3 – …", "声东击西 第212期：…"
SHOW_TITLE = re.compile(r"^(?P<show>[^｜|:：\-–—#\d,，][^｜|:：\-–—#\d,，]{1,30}?)\s*[#(（]?\s*(?:Vol\.?|EP\.?|Ep\.?|"
                        r"Episode|Folge|第)\s*\d{1,4}\s*(?:期|集|话|話)?\s*[)）]?\s*[｜|:：\-–—]\s*\S")
SHOW_GENERIC = {"interview", "interviews", "gespräch", "gespräche", "zeitzeugengespräch", "podcast", "episode", "folge",
                "staffel", "season", "对话", "對話", "访谈", "訪談", "专访", "專訪", "采访", "採訪", "节目", "節目"}


def show_in_title(meta: Meta) -> None:
    """The show a podcast's episode title names before its number, as the publisher where none is known."""
    m = SHOW_TITLE.match(meta.title or "")
    if m and not meta.publisher and m.group("show").strip().casefold() not in SHOW_GENERIC:
        meta.put("publisher", m.group("show").strip(), "the show's name in the title")


PAGE_HEAD = re.compile(r"(?:[·|•]\s*(?:Seite|Page|S\.|p\.)\s*\d{1,4}\b|\b(?:Seite|Page)\s*\d{1,4}\s*[·|•])", re.I)


PAPER_WORD = re.compile(r"(?i)(?:post|zeitung|bote|anzeiger|presse|kurier|rundschau|blatt|nachrichten)\b"  # (also
                        r"|\b(?:echo|express|allgemeine|times|news|herald|mail|journal|gazette|review|courier|"  # in
                        r"chronicle|tribune|observer|telegraph|standard|examiner|guardian|independent)\b")  # compounds)


def _byline_links(el: Any) -> bool:
    """Whether an element holds nothing but links to authors and the words between them ("By", ",", "and"), outside
    the page's sidebars and cards."""
    rest = el.text_content()
    for a in el.xpath(f".{AUTHOR_LINKS[1:]}"):
        rest = rest.replace(a.text_content(), " ", 1)
    outside = not any(re.search(r"(?i)card|teaser|related|sidebar|widget|popular|most|recommend|aside|footer",
                                f"{x.tag} {x.get('class') or ''}") for x in [el, *el.iterancestors()])
    return outside and bool(re.fullmatch(r"(?i)[\s,&·|/–-]*(?:(?:by|von|and|und|mit|text|interview)\b[\s,&·|/:–-]*)*",
                                         rest))


def paper_in_page_heads(text: str) -> str | None:
    """The paper whose name opens its page heads ("Lahntal-Bote · Freitag, 12. April 2024 · Seite 16 · Lokales",
    under "Lahntal-Bote · Hinterländer Ausgabe" at the top): the first part (or else the last) of two such lines
    or more."""
    lines = text.split("\n")
    heads = [line for line in lines if PAGE_HEAD.search(line)]
    if not heads:
        return None
    ends = [(parts[0].strip(), parts[-1].strip()) for line in [*heads, next((x for x in lines if x.strip()), "")]
            if (parts := re.split(r"\s+[·|•]\s+", line.strip()))]
    firsts = Counter(end for first, last in ends for end in dict.fromkeys((first, last))
                     if not re.search(r"\d", end) and (end == first or PAPER_WORD.search(end)))
    # ("Seite 5 | …, 6. März 2024 | Mittelrhein-Zeitung": the paper at the end; not the section, "Lokales")
    if not firsts:
        return None
    name, n = firsts.most_common(1)[0]
    dated = any(re.search(rf"(?i)\b(?:19|20)\d\d\b|\b(?:{_MONTH})\b", line) for line in heads)  # (its issue's date)
    return name if n >= 2 and dated and 2 <= len(name) <= 40 and len(name.split()) <= 4 and name[:1].isupper() \
        and not re.search(r"\d", name) and (PAPER_WORD.search(name) or not looks_like_person(name)) else None


def asker_name(meta: Meta, default: str = "Q") -> str:
    """Who asks where the text does not say: the one author, else the publication (not one that only presents a
    translation of someone else's interview), else `default`."""
    if len(meta.authors) == 1:
        return meta.authors[0]
    return meta.publisher if meta.publisher and meta.found.get("publisher") != TRANSLATION_FOOTER else default


def from_markdown(meta: Meta, body: str, page_url: str | None) -> None:
    """Title, publisher and date a Markdown or text document shows in its first lines."""
    for heading in re.finditer(r"^\s{0,3}#\s+(?P<t>\S.*?)\s*#*\s*$|^(?P<s>\S[^\n]{2,200})\n=+[ \t]*$", body, re.M):
        raw = (heading.group("t") or heading.group("s")).strip()
        title = re.sub(r"[*_`]", "", raw).strip()
        if PAGE_HEAD.search(title):
            continue  # "Lahntal-Bote · Freitag, 12. April 2024 · Seite 16" between rules: a page's head, no title
        linked = re.fullmatch(r"\[([^\[\]\n]+)\]\((https?://[^\s()]+)\)", raw)
        if linked:  # "# [冲上云原生，Dubbo 发布 Go 版本](https://www.oschina.net/question/…)": the headline (where it
            title = re.sub(r"[*_`]", "", linked.group(1)).strip()  # links to may be the article, its other part or
            # the guest's homepage: no link of the article's own)
        if title.casefold() not in GENERIC_HEADINGS:
            meta.put("title", title, "first heading")
            break
    if "title" not in meta.found:  # a heading in capitals that names the conversation ("A CONVERSATION WITH …")
        caps = CAPS_CONVERSATION.search("\n".join(body.split("\n")[:80]))
        if caps:
            meta.put("title", caps.group(0).strip(), "heading in capitals")
    opening_line = next((line.strip() for line in body.split("\n") if line.strip()), "")
    if "title" not in meta.found and INTERVIEW_LINE.fullmatch(opening_line):  # "Oral history interview with …"
        meta.put("title", opening_line, "first line")
    if "title" not in meta.found:  # a headline in quotes over some lines ("„Die Kaserne ist keine / …“")
        blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", body)[:11]]
        quoted = next((q for one, two in itertools.pairwise([*blocks, ""])  # (set in large type, its lines apart:
                       for q in (one, f"{one} {two}" if UNCLOSED.fullmatch(one) else "")  # "„Wir bilden lieber aus,")
                       if QUOTED_HEADLINE.fullmatch(q)), None)
        if quoted:
            meta.put("title", quoted, "headline in quotes")
    if "title" not in meta.found:  # a title over its subtitle about the interview: "老城更新中的“微循环”" /
        lines = [line.strip() for line in body.split("\n")[:40]]  # "——林守诚研究员访谈录"
        for line, under in itertools.pairwise(lines):
            if 2 <= len(line) <= 40 and DASH_SUBTITLE.fullmatch(under) and not re.search(r"[。.!?！？]$", line):
                meta.put("title", line + under, "title and its subtitle")
                break
    if "title" not in meta.found:  # a text file's title: the line over its byline ("Interview by Sam Okoye")
        top = [line.strip().strip("*_#") for line in body.split("\n")[:30] if line.strip()]
        for line, under in itertools.pairwise(top):
            if BYLINE_START.match(under) and 3 <= len(line) <= 120 and not re.search(r"[.。:：,，?？]$", line):
                meta.put("title", line, "the line over the byline")
                break
    exported = WECHAT_EXPORT.search(body[:3000])  # "原创 周晓 山野笔记 *2025年03月02日 08:00*": author, account, date
    if exported:
        meta.put("publisher", exported.group("n"), "account")
        meta.put("published", iso_date(exported.group("d")), "account")
        if exported.group("a") and exported.group("a") not in meta.authors:
            meta.authors.append(exported.group("a"))
    wechat = WECHAT_BACKUP.search(body[:3000])
    if wechat:
        meta.put("publisher", wechat.group("n"), "account")
    for m in WECHAT_OWN.finditer(body):
        meta.put("publisher", m.group("n"), "account")
    from_byline(meta, body[:4000])
    from_closing_credit(meta, body[-4000:])
    from_interview_credit(meta, body[:3000])
    meta.put("published", date_line(body), "its date line")
    edited = LAST_EDITED.search(body)
    if edited:  # a page's only date may be when it was last edited ("最後編輯：2025/1/22")
        meta.put("published", iso_date(edited.group("d")), "last edited")
    own = SELF_LINK.search(body)
    if own:
        meta.put("url", web_url(_own_link(own)), "the document's own link line")
    hosted = meta.found.get("publisher") in (None, "web address") or (meta.publisher or "").casefold() in PLATFORMS
    tail = body[-3000:]  # (a footer's lines)
    first = FIRST_PUBLISHED.search(tail) if hosted else None
    printed = PRINTED_ON.search(tail)  # "Sonderdruck aus KälteKlima Nord 3/2024, erschienen am 14. Juni 2024."
    if printed:
        meta.put("published", iso_date(printed.group("d")), "its reprint line")
    meta.put("published", date_line(tail, len(tail)), "its imprint")  # "Impressum … Erscheinungsdatum: 6. Mai 2024"
    presented = PRESENTED_BY.search(re.sub(r"\[([^\]\n]*)\]\([^()\n]*\)", r"\1", tail))  # (its names linked)
    if presented:  # (and the original's author over it, who asked: "作者：[Mike Saunders][a]")
        meta.put("publisher", presented.group("n"), TRANSLATION_FOOTER)
        wrote = ORIGINAL_AUTHOR.search(tail)
        if wrote and looks_like_person(wrote.group("n")) and wrote.group("n") not in meta.authors:
            meta.authors.append(wrote.group("n"))
    account = re.sub(r"(?:博客|部落格|公众号|公眾號|网站|網站)$", "", first.group("n")) if first else ""
    if account:  # "本文首发于「慢热访谈」" under a post on weibo.com: the account, not the host, published it
        meta.publisher, meta.found["publisher"] = account, "its footer"
    opening = "\n".join(line for line in body.split("\n")[:12] if line.strip())
    crumbs = BREADCRUMB.search(opening)
    if crumbs and crumbs.group("n").strip().casefold() not in HOME_WORDS and len(crumbs.group("n").split()) <= 5:
        meta.put("publisher", crumbs.group("n").strip(), "breadcrumb")  # "[Tidewire Wiki](https://…/) › …"
    owned = COPYRIGHT_LINE.search(body[-2000:])  # "© 2025 Klangwerk Magazin" at a text's foot
    if owned and re.match(r"(?i)alle rechte|all rights|tous droits|版权所有|版權所有", owned.group("n").strip()):
        owned = None  # ("© 2024 Alle Rechte vorbehalten": no one's name)
    if owned and not page_url:  # ("© 2024 東港日報有限公司 版權所有 不得轉載": 東港日報)
        holder = re.split(r"\s*(?:版权所有|版權所有|不得转载|不得轉載|(?i:all rights reserved|alle rechte "
                          r"vorbehalten))", owned.group("n").strip())[0]
        meta.put("publisher", re.sub(r"(?:股份)?有限公司$", "", holder).strip() or holder, "copyright line")
    trail = PLAIN_CRUMBS.search(opening)  # "Forum › Stadtimkerei Leipzig e.V. › Interviews": the first name in it
    if trail:
        named = [c.strip() for c in re.split(r"\s[›»]\s", trail.group(0))]
        site = next((c for c in named[:-1] if c.casefold() not in HOME_WORDS and len(c.split()) <= 5), None)
        meta.put("publisher", site, "breadcrumb")
    meta.put("publisher", as_written(site_of(meta.url or page_url), body), "web address")
