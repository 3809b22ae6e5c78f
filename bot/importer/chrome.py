"""Page chrome: what a page shows around an interview and no one says in it, each with the reason.

Paragraph rules in English, German and Chinese (credits, follow/subscribe prompts, newsletter and
paywall boxes, sponsor reads, copyright lines, share bars, cookie banners, menus, reading times,
markers like `[laughter]` or `Break`), captions (text right after an image that reads like one),
whole sections (related articles, comments, show notes, chapter lists) and pull-quotes that repeat a
sentence said elsewhere. Rules look at the shape of a line, never at one site's wording alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.importer import metadata
from bot.importer.markup import Para, visible

HAN = re.compile(r"[\u3400-\u9fff]")
SENTENCE_END = re.compile(r"[。！？!?…；;.」』”\"'’)）]\s*$")


EMOJI = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d\s]+")


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


# the label over an ad ("Anzeige", "广告"): the paragraph under it is judged as page text, not as an answer
AD_LABEL = re.compile(r"^(?:Advertisement|Anzeige|Werbung|Sponsored|Promoted|广告|廣告|推广|推廣)$", re.I)
AD_BOX = re.compile(r"^(?:ANZEIGE|ADVERTISEMENT|WERBUNG|广告|廣告)\s+\S.{0,200}$")  # a printed ad: its label, its text
CALL_TIME = r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*"  # "[10:00:02] " before a call's line
# who joined or wrote: "Anna M.", "Lukas Brandt (Technik)"
CALLER = (r"(?!(?i:so|then|and|but|we|i|he|she|they|dann|also|und|aber|wir|ich|er|sie|es|da|nun)\b)"
          r"(?-i:[A-ZÄÖÜ])[\w.'’-]*(?:\s(?-i:[A-ZÄÖÜ(])[\w.'’()-]*){0,4}")
# a line of a list of other articles with their days ("梦想不只是一个传说[05-13]"): chrome outside the answers, and
# inside one where several stand together (`turns` judges those)
RELATED_LINE = re.compile(r"^[^\[\]\n]{4,80}?\s*[\[【](?:(?:19|20)\d\d-)?(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
                          r"[\]】]$")


RULES: list[tuple[str, re.Pattern[str]]] = [
    ("marker", _rx(r"^\W*(?:end of (?:the )?(?:transcript|interview|recording|tape|session|panel|episode)|"
                   r"ende des (?:interviews|transkripts|gesprächs|podcasts|manuskripts|beitrags)|ende der sendung|"
                   r"unkorrigiertes manuskript|全文完|访谈结束|訪談結束|"
                   r"(?:begin|end|start) (?:of )?(?:video |audio )?(?:clip|videotape|soundbite|sound bite))\W*"
                   r"(?:$|\n|\s+(?=(?:exportiert|erstellt|generiert|exported|generated|created)\b.{0,300}$))",
                   # (and the export's lines under it: "Ende des Transkripts Exportiert am … mit KonferenzPlus")
                   # a manuscript's direction: "Atmo: Möwen, Hafen", "Musik: Akkordeon, leise", "SFX: door closes"
                   r"^(?:atmo|atmosphäre|musik|music|geräusch|geräusche|sfx|sound|jingle)\s*[:：]\s*\S[^.!?]{0,80}$",
                   # "Regie: Atmo hoch. Dann unter die Autorin" (not "Regie: ich, Buch: ich", a film's credits)
                   r"^(?:regie|regieanweisung)\s*[:：](?![^\n]*\b[^\W\d]{2,}\s*[:：])\s*\S.{0,160}$",
                   r"^[\[(（【][^\])）】]{0,20}(?:laughter|laughs|laughing|crosstalk|inaudible|applause|music|musik"
                   r"|lachen|"
                   r"lacht|gelächter|pause|break|silence|unverständlich|jingle|intro|outro|笑|大笑|掌声|音乐|停顿|片头"
                   r"|片尾)"
                   r"[^\])）】]{0,40}[\])）】][.!]?$",
                   # a broadcast's cue: "[Jingle: Kulturwelle – Das Gespräch am Vormittag]"
                   r"^[\[【](?:jingle|musik|music|sound|geräusch|atmo|glockengeläut)\b[^\]】]{0,80}[\]】]$",
                   r"^(?:—+\s*)?(?:完|END|Ende|The End|（完）|\(完\)|-\s*END\s*-)(?:\s*—+)?$", r"^[*·•\s]{1,9}$",
                   r"^\[\[?_?toc_?\]?\]$",  # a Markdown editor's table of contents: "[TOC]"
                   r"^\(\([^()]{2,300}\)\)$",  # a transcriber's note: "((Ehemann der Befragten kommt herein))"
                   # a video call's notice: "Lou Fennimore (producer) joined the meeting"
                   r"^(?-i:[A-ZÄÖÜ][\w'’.-]*(?:\s[A-ZÄÖÜ(][\w'’.()/-]*){0,5})\s(?:joined|left) the "
                   r"(?:meeting|call|webinar)$",
                   r"^(?-i:[A-ZÄÖÜ][\w'’.-]*(?:\s[A-ZÄÖÜ(][\w'’.()/-]*){0,5})\shat (?:das meeting|den anruf) "
                   r"(?:betreten|verlassen)$",
                   # a record's note of the room: "(Heiterkeit)", "(Zuruf Abg. X (AfD): Und wer …?)", "(Beifall)"
                   r"^\((?:vereinzelt |allgemeine |lebhafte )?(?:heiterkeit|beifall|zuruf|zurufe|unruhe|widerspruch|"
                   r"glocke des präsidenten|glocke der präsidentin)\b.{0,240}\)$",
                   r"^[\[(（]?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d{1,3})?[\])）]?$",  # a time code on its own line: "23:21"
                   # an archivist's or transcriber's note in square brackets: tape sides, the recording, the end
                   r"^\[[^\]]{0,200}\b(?:tape|side [ab12]|cassette|recording|recorder|transcriber'?s?|"
                   r"transcriptionist|editor'?s? note|end of (?:interview|session|recording)|interruption|"
                   r"band|kassette|aufnahme|anm\.|anmerkung|ende des (?:interviews|gesprächs))\b[^\]]{0,300}\]$")),
    # a manuscript's rights notice, however long: "Dieses Manuskript ist urheberrechtlich geschützt …"
    ("rights", _rx(r"^(?:dieses|das) (?:manuskript|transkript|sendemanuskript) ist urheberrechtlich geschützt\b",
                   # how the transcript was made: "Audio transcript (auto-generated, may contain errors)"
                   r"^(?:this |the |das )?(?:transcripts?|transkript) (?:is |are |was |were |wurde )?"
                   r"(?:machine|auto(?:matically)?|automatisch)[- ]?(?:generated|erstellt|erzeugt)\b"
                   r"(?:[^.!?]{0,60}[.!]\s*(?:please |bitte )?[^.!?]{0,80}[.!]?)?$",
                   r"^(?:audio )?(?:transcript|transkript)\s*\((?:auto-?generated|automatically generated|"
                   r"automatisch erstellt)[^)]{0,60}\)$",
                   # a press release's terms: "SPERRFRIST: Donnerstag, …", "Abdruck honorarfrei – Beleg erbeten"
                   r"^(?:sperrfrist|embargo(?:ed)?)\s*(?:until\b|bis\b|[:：])|^(?:for immediate release|zur sofortigen "
                   r"veröffentlichung)\b",
                   r"^(?:abdruck|nachdruck|veröffentlichung) (?:honorarfrei|frei|kostenfrei)\b",
                   r"^hinweis (?:für|an) (?:die )?redaktion(?:en)?\s*:",  # "Hinweis für Redaktionen: Der Abdruck …"
                   # a reprint's line: "Sonderdruck aus KälteKlima Nord 3/2024, … Nachdruck nur mit Genehmigung …"
                   r"^(?:sonderdruck|reprinted) (?:aus|from)\b[^.!?]{0,80}\d[^!?]{0,80}$",
                   r"\bnachdruck nur mit (?:genehmigung|erlaubnis)\b",
                   r"^this (?:transcript|manuscript|script) is (?:protected by|subject to) copyright\b",
                   # "文字稿由 AI 转写……可能与音频存在出入，请以音频为准": how the transcript was made
                   r"^(?:本期)?(?:文字稿|逐字稿|文稿|字幕)[^。]{0,30}(?:转写|轉寫|生成|整理)[^。]{0,40}(?:以音频为准|以音頻為準|"
                   r"出入|误差|誤差)")),
    # a record's fields over an oral history or a protocol ("地点：图书馆三楼会议室", "记录方式：录音、笔记",
    # "Duration: 1 hour 12 minutes", "Ort: Vereinsheim"): no one's words (the date is read apart)
    ("record", _rx(r"^(?:时间|時間|日期|地点|地點|记录方式|記錄方式|录音编号|錄音編號|采访时间|採訪時間|"
                   r"采访地点|採訪地點|访谈时间|訪談時間|访谈地点|訪談地點|时长|時長|"
                   r"Date of interview|Interview date|Date|Place|Location|Duration|Reference|Recorded|"
                   r"Ort|Datum|Dauer|Gesprächsdauer|Aufgenommen)"
                   r"\s*[:：][^\n]{1,100}$")),
    ("address", metadata.OWN_ADDRESS),  # "Read this interview online: https://…": where to read it, no one's words
    # a document's status at a page's foot ("Confidential – internal draft", "ENTWURF – bitte nicht weitergeben")
    ("status", _rx(r"^(?:strictly |streng )?(?:confidential|internal(?: use only| draft)?|draft|not for (?:publication|"
                   r"distribution)|do not (?:circulate|distribute|copy)|vertraulich|entwurf|intern|nur für den "
                   r"internen gebrauch|nicht zur veröffentlichung)\b\W+\w[^.!?]{0,60}$",
                   r"^(?:内部资料|內部資料|仅供内部|僅供內部)[^。！？]{0,30}$")),
    ("credit", _rx(  # a reprint's permission: "Wir danken dem Autor für das Recht zur Veröffentlichung dieses
                   # Beitrags.", "Reprinted with permission of …", "Mit freundlicher Genehmigung von …"
                   r"^(?:wir danken|we thank|many thanks to)\b[^.!?]{0,60}\b(?:für das recht zur (?:veröffentlichung|"
                   r"wiedergabe)|for (?:the )?permission to (?:re)?publish)",
                   r"^(?:reprinted|republished|used|veröffentlicht|abgedruckt|übernommen|nachdruck) "
                   r"(?:with (?:kind )?permission|mit (?:freundlicher )?genehmigung)\b[^.!?]{0,80}[.!]?$",
                   r"^(?:with (?:kind )?permission (?:of|from)|mit (?:freundlicher )?genehmigung (?:von|der|des|vom))"
                   r"(?:\s+(?-i:[A-ZÄÖÜ„\"&][\w„“\".&-]*)){1,6}\s*\.?$",  # (names only: "… der Bank konnten
                   # wir …" speaks)
                   r"^(?:文|作者|编辑|責任編輯|责任编辑|责编|主笔|观点|觀點|版面编辑|排版|审核|審核|校对|校對|采访|採訪"
                   r"|"
                   r"整理|文字整理|撰文|摄影|攝影|图|圖|翻译|翻譯|编译|編譯|出品|策划|策劃|监制|監製|视觉|視覺|设计|設"
                   r"計|"
                   r"本期主持|主持|记者|記者|图片来源|图源|圖源|图片|圖片|视频|來源|来源|"
                   # a translation's header: "译文出自：掘金翻译计划", "译者：…", "校对者：…"
                   r"译者|譯者|校对者|校對者|原文作者|译文出自|譯文出自|翻译者|翻譯者)\s*[｜|丨/／:：]",
                   r"^(?:Titelbild|Titelfoto|Aufmacherbild|Aufmacherfoto|Beitragsbild|Headerbild|Vorschaubild|Teaserbild|"
                   r"Featured image|Header image|Lead image|Top image|题图|題圖|头图|頭圖|封面图|封面圖)\s*[:：]\s*\S",
                   r"^(?:Foto|Fotos|Bild|Bilder|Illustration|Grafik|Text|Redaktion|Übersetzung(?: aus dem \w+)?|"
                   r"Protokoll|Mitarbeit|Photo|Photos|Photograph(?:y)?|Image|Images|Illustration|Credit|Credits|"
                   r"Edited by|Translated by|Transcribed by|Produced by|Transcript by|Interview by|Photograph by|"
                   r"Photo by|Photos by|Photographs by|Illustrations? by|Video by|Cover(?: image)?|"
                   r"Moderiert von)\b\s*[:：/]?\s*\S", r"^Moderation\s*[:：]\s*\S",
                   # a transcription service's credit line: "FastScripts Transcript by ASAP Sports"
                   r"^(?:(?-i:[A-Z])[\w.-]* ){0,2}(?:transcripts?|transcription|transcribed) (?:by|von|provided by)"
                   r"\s+(?-i:[A-Z0-9])[\w&'’.-]*(?:\s+(?-i:[A-Z0-9&])[\w&'’.-]*){0,4}$",
                   r"^(?-i:Hosted by [A-Z][\w'’-]+ [A-Z])",
                   # a transcript's standing disclaimer: "Transkript – es gilt das gesprochene Wort."
                   r"\bes gilt das gesprochene wort\b|^check against delivery\b",
                   # "…可能存在错漏，一切以音频为准": the transcript's note that the recording prevails
                   r"(?:一切|请|請)?以(?:音频|音頻|视频|視頻|录音|錄音|原音|节目|節目)(?:内容|內容)?[为為]准",
                   r"\btranscripts? (?:may|might|can) contain errors\b",
                   r"^(?:Das|Dieses) (?:Interview|Gespräch|Transkript|Protokoll) (?:führte|führten|wurde|ist)\b",

                   # a series box or a repost's source: "Dieser Artikel ist Teil von …", "本文来自澎湃新闻，…请下载…APP"
                   r"^(?:dieser|der) (?:artikel|beitrag|text) (?:ist|gehört zu) (?:teil )?(?:von|der|unserer|des)\b",
                   r"^this (?:article|story|interview|piece) is part of\b",
                   r"^本文(?:来自|來自|转载自|轉載自)",
                   r"(?:请|請|欢迎|歡迎)(?:下载|下載)\s*[“\"「]?[^，。]{1,12}[”\"」]?\s*app",
                   r"^(?:Fragen|Die Fragen stellten?|Interview geführt von)\s*[:：]?\s*(?-i:[A-Z])",
                   r"^(?:The |This )?(?:transcript|transcription|notes)\s+(?:was |were |has been )?(?:prepared|"
                   r"compiled|produced|provided|created|made)\s+by\b",
                   # an invitation to report errors in the transcript
                   r"^(?:spotted|found|see|notice[d]?) an? (?:error|mistake|typo)\b|^(?:einen )?fehler (?:gefunden|"
                   r"entdeckt)\b",
                   r"^(?:This|The) (?:interview|conversation|transcript|episode|Q&A) (?:has been|was|is) "
                   r"(?:\w+ )?(?:edited|condensed|generated|transcribed|produced|lightly)",
                   r"^[（(]?(?:本文|以上|以下|对话|访谈|采访|訪談|採訪)[^）)]{0,40}(?:整理|编辑|删节|刪節|确认|確認"
                   r"|删减|刪減)",
                   r"\b(?:is|are) produced by\b|\btheme music (?:is )?by\b|\bmusic by\b.{0,40}$",
                   r"^(?:记者|記者)\s*[\u4e00-\u9fff]{2,4}\s*(?:摄|攝)?$", r"^本期主持",
                   # where a translation or repost comes from, and who translated it
                   r"^(?:via|source|quelle|original(?: article)?|原文(?:链接|連結|地址)?|出处|出處)\s*[:：]\s*<?https?://\S+>?$",
                   r"^(?:译者|譯者|原文作者|原作者|翻译者|翻譯者)\s*[:：]",
                   # an archive's citation of the recording: "Oral history interview X, conducted …, … Collection."
                   r"^[^.]{0,120}\b(?:interview|recording|transcript|interviews?)\b[^.]{0,80}\b(?:1[89]|20)\d\d\b"
                   r".{0,200}\b(?:collection|collections|archives?|library)\.?$",
                   # the licence the page is published under
                   r"^(?:this|the) (?:interview|article|post|text|transcript|work|content|page) (?:is|was) (?:\w+ )?"
                   r"(?:available|licen[sc]ed|published|released|distributed) under\b",
                   r"^(?:dieses|das) (?:interview|gespräch|werk|text|artikel) (?:steht|ist) unter\b",
                   r"^本文(?:采用|採用|遵循|使用).{0,30}(?:许可|許可|协议|協議)",
                   r"^本文由.{0,40}(?:原创|原創|翻译|翻譯|编译|編譯|推出|出品|授权|授權)")),
    ("link", _rx(r"^<?https?://\S+>?$",  # a bare address on a line of its own
                 # "Weitere Informationen zur Holzbauquote finden Sie unter www.…": where to read more
                 r"^(?:weitere|mehr) informationen\b.{0,200}(?:unter|auf|bei)\s+(?:https?://|www\.)\S+\s*\.?$",
                 r"^(?:more|further) information\b.{0,200}(?:at|on)\s+(?:https?://|www\.)\S+\s*\.?$",
                 # an "ask me anything" host's proof of who they are: "Proof: photo of me holding a sign …"
                 r"^(?:proof|verification)\s*:\s*(?:https?://\S+|(?:a |my )?(?:photo|picture|pic|image|imgur)\b"
                 r".{0,120})$",
                 r"^(?:permanent link|permalink|stable (?:url|link)|persistent (?:url|link|identifier)|cite as|"
                 r"zitierlink|dauerhafter link|永久链接|永久連結|本文链接|本文連結|本文网址|本文網址|本文地址|"
                 r"link zur sendung|link zum artikel|link zu diesem artikel|link to this (?:article|page|episode))"
                 r"\s*[:：]\s*\S+$",
                 # a media file to download or play: "MP3 herunterladen (46,1 MB)", "Tape 2 (MP3, 41 MB)"
                 r"^.{0,120}[(（]\s*(?:(?:MP3|M4A|AAC|OGG|OPUS|WAV|FLAC|MP4|PDF)\s*,\s*)?\d+(?:[.,]\d+)?\s*[KMG]B\s*"
                 r"[)）]\s*\.?$")),
    # a viewer's comment over a video, listed with where and when it was sent: "00:41来了来了03-18 19:01"
    # where to read more, outside the answers: a pointer to a list of links, a profile's handle, a link with its
    # name only (in an answer, "My website: https://…" answers "Where can people find you?")
    ("pointer", _rx(r"^(?:for )?(?:more|further) (?:information|resources|reading)\b[^.!?\n]{0,80}[:：]$",
                    # a pointer to the page in another language: "Hinweis: The English Translation could be found
                    # here", "(Die Englische Übersetzung ist hier zu finden)", "English version here"
                    r"^(?:hinweis\s*:\s*|note\s*:\s*)?(?:the |die |eine )?(?:english|german|deutsche|englische|"
                    r"französische|french|chinese|chinesische)s? (?:translation|version|übersetzung|fassung)"
                    r"(?: of this (?:interview|article|page))? "
                    r"(?:(?:could|can|may|is|ist|kann|finden sie)\b[^.!?\n]{0,30}"
                    r"\b(?:found|available|read|finden|lesen|abrufbar)\b[^.!?\n]{0,30}\b(?:here|hier|below|unten)\b|"
                    r"(?:is|ist) (?:here|hier|below|unten) (?:zu finden|zu lesen|abrufbar|available))"
                    r"[^.!?\n]{0,20}[.!]?\s*(?:\([^()\n]{0,80}\))?$",
                    r"^(?:weitere|mehr) (?:informationen|infos|links)\b[^.!?\n]{0,80}[:：]$",
                    r"^(?:更多信息|更多资料|更多資訊|相关链接|相關連結)[^。！？\n]{0,40}[:：]?$",
                    # a profile's handle: "GitHub: @adam2392", "LinkedIn: @adam2392", "微博：@小满"
                    r"^(?:github|gitlab|codeberg|linkedin|twitter|x|mastodon|bluesky|threads|instagram|facebook|"
                    r"youtube|tiktok|weibo|微博|微信|知乎|b站|bilibili)\s*[:：]\s*@[\w.@-]{2,60}$",
                    # a link with its name only: "etcd website: https://etcd.io/", "Website: https://…"
                    r"^(?!(?:foto|photo|bild|image|pic|照片|图片|圖片|摄影|攝影))[^:：\n]{1,60}[:：]\s*<?https?://\S+>?$")),
    # a list of other articles with their days, as a site's column lists them: "梦想不只是一个传说[05-13]"
    ("related", RELATED_LINE),
    ("comment", _rx(r"^\d{1,2}:\d{2}(?::\d{2})?\s*\S.{0,120}?\s*(?:\d{4}-)?\d{2}-\d{2}\s+\d{1,2}:\d{2}$")),
    # a video call's notices and its chat, as a call's transcript interleaves them: "[10:00:02] Jan Weber hat das
    # Meeting betreten", "Aufzeichnung wurde gestartet von …", "41 weitere Teilnehmende sind dem Meeting
    # beigetreten", "Chat von Anna M. an Alle: …", "From Ann Lee to Everyone: …"
    ("call notice", _rx(rf"^(?:{CALL_TIME})?(?:{CALLER}\s(?:hat das meeting (?:betreten|verlassen|für alle beendet)|"
                        r"hat die bildschirmfreigabe (?:gestartet|beendet)|(?:started|stopped) (?:screen ?)?sharing|"
                        r"(?:has )?(?:joined|left) the (?:meeting|call|webinar)|ended the meeting for (?:all|everyone))"
                        rf"|(?:die )?(?:aufzeichnung|transkription) (?:wurde )?(?:von {CALLER} )?"
                        r"(?:gestartet|beendet|gestoppt|angehalten|pausiert|fortgesetzt)"
                        rf"|(?:recording|transcription) (?:started|stopped|paused|resumed|in progress)(?: by {CALLER})?"
                        r"|\d+ (?:weitere )?teilnehmende sind dem meeting beigetreten"
                        r"|\d+ (?:more |other )?participants? (?:have |has )?joined\b.{0,40})\.?$",
                        rf"^(?:{CALL_TIME})?(?:chat von|chat from|from)\s{CALLER}\s(?:an|to)\s(?:alle|everyone|all)"
                        r"(?:\s\(privat\)|\s\(privately\))?\s*:")),
    # a chapter list: "3. 00:08:02 Was im Gehirn passiert", "(12:30) Why sleep matters"
    ("chapters", _rx(r"^(?:\d{1,3}[.)]\s*)?[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–—|:]?\s*[^.!。！:：]{2,80}"
                     r"[^.!。！:：\s]$")),
    # an editor's or translator's note: "（注：听损程度…）", "[Anm. d. Red.: …]"
    # a reviewer's comment as a word processor lists it: "[KM1] Zahl bitte noch mal abgleichen"
    ("review note", _rx(r"^\[[A-ZÄÖÜ]{1,3}\d{1,3}\]\s*\S", r"^\[[a-z]{1,2}\]\s*\S",  # (and Google Docs': "[a] …")
                        # a draft's slug lines: "DRAFT 3 — for copy desk, do not publish", "Words: 2,180 (target …)"
                        r"^draft\b.{0,60}\b(?:do not publish|not for publication|copy ?desk|nicht veröffentlichen)\b",
                        r"^(?:words|wörter|zeichen|length|länge)\s*:\s*(?:ca\.\s*)?[\d,.]+\b.{0,100}$",
                        r"^slug\s*:",
                        r"^\[\[\s*(?:photo|image|picture|graphic|foto|bild|grafik|图|圖)\b[^\]]{0,200}\]\]$")),
    ("note", _rx(r"^(?:注|编者注|編者注|编按|編按|编注|編注|译注|譯注|编辑补充|編輯補充|编者补充|編者補充)\s*[:：]",
                 r"^[\u4e00-\u9fff]{1,4}(?<!关)(?<!關)注\s*[:：]",  # the writer's note in the answers: "阿棠注：…"
                 r"^(?:anm\. d\. red\.|anmerkung der redaktion|editor'?s note|ed\. note)\s*[:：]",
                 # a reporter's note in their own copy: "📝 Note to self: …", "follow up re: bylaws …", "TODO: …"
                 r"^(?:note to self|notiz an mich)\b|^(?:todo|to-do)\s*:|^follow[ -]up re\b",
                 r"^pull[ -]?quotes?\b.{0,40}$")),  # "Pull quote (used in print)": the box's title
    ("caption", _rx(r"^[^。！？!?]{0,40}[（(][^（）()]{1,20}(?:供图|供圖|提供|摄|攝)[）)]$",
                    r"[（(](?:摄影|攝影|图|圖|图片|圖片|摄|攝|Foto|Photo|Bild|Image|Credit|Quelle)\s*[：:｜"
                    r"|/／]?[^）)]{0,40}[）)]\s*$",
                    # "…记者 徐振宇摄", "…摄（资料图片）"
                    r"(?:摄|攝)\s*[）)]?(?:\s*[（(](?:资料图片|资料照片|資料圖片|資料照片|资料图)[）)])?$",
                    r"\b(?:Foto|Photo|Bild|Image|Photograph|Credit)\s*:\s*[^.]{2,60}$",

                    r"^[▲△](?=\s*[\u3400-\u9fff])",  # "▲葉聲遠的書桌正對著海" (a Chinese print caption)
                    r"^(?:图为|圖為)[^。！？!?]{2,80}。?$",  # "图为澜城市交通运输局局长王振峰做客在线访谈。"
                    r"^(?:abb\.|abbildung|fig\.|figure|图|圖)\s*\d{1,2}\s*[:：.]\s*\S",  # "Abb. 1: …" under a figure
                    r"^(?:照片|相片|圖片|图片|圖|图|photos?|bild(?:er)?|fotos?)[^:：]{0,12}[:：]\s*https?://\S+$")),
    # a page's button: "▶ Watch the recording (52 min)", "Mitschnitt ansehen", "观看回放"
    ("recording button", _rx(r"^\W{0,3}(?:watch|listen to|re-?watch) (?:the )?(?:recording|replay|full (?:session|"
                             r"talk|video|episode))\b[^.!?]{0,30}$|^\W{0,3}(?:aufzeichnung|mitschnitt) (?:ansehen|"
                             r"anhören)\b[^.!?]{0,30}$|^\W{0,3}(?:观看|觀看)(?:回放|完整视频|完整視頻)")),
    ("comment form", _rx(r"^(?:请|請)文明上网|^(?:请|請)理性发言|^[^。]{0,20}留言(?:经|經)(?:审核|審核)",  # its rules
                         r"^(?:网友|網友)?评论仅代表|^(?:网友|網友)?評論僅代表|^[^。]{0,30}不代表本站立场")),
    ("follow", _rx(r"^欢迎(?:在评论区|在評論區|大家)?留言", r"^歡迎(?:在評論區|大家)?留言",
                   # a site's address on its own line: "网易伏羲官网 http://fuxi.163.com"
                   r"^[^\s，,、。！？!?：:]{0,12}(?:官网|官網|官方网站|官方網站)\s*[:：]?\s*<?https?://\S+>?$",
                   r"欢迎添加(?:作者)?微信|歡迎添加(?:作者)?微信|仅代表作者本人|僅代表作者本人|仅提供信息存储空间服务|"
                   r"僅提供資訊儲存空間服務",  # a platform's contact line and its disclaimer
                   r"^(?:欢迎在评论区|歡迎在評論區)[^。！!]{0,30}[？?！!。]?$",
                   r"^(?:关注|點擊|点击|扫码|掃碼|扫一扫|掃一掃|长按|長按|识别|分享至|分享到|分享|点赞|點讚|在看|收藏|"
                   r"阅读原文|閱讀原文)",
                   r"^(?:Follow|Find) us\b|^Folgen Sie uns|\bfollow us on\b|^Share(?: this)?\b|^Teilen\b"
                   r"|^Artikel teilen",
                   r"^(?:Listen|Watch|Subscribe|Abonnieren|Hören|Jetzt hören) (?:on|to|auf|bei|in)\b",
                   r"^Copy link$|^Link kopieren$|^Drucken$|^Print$|^Tweet$|^E-?Mail$|^Skip to content$"
                   r"|^Zum Inhalt springen$|"
                   r"^Direkt zum Interview springen|^Jump to (?:the )?interview", r"^下载客户端|^下載客戶端|^(?:阅读"
                                                                                  r"|閱讀)\s*[\d.]+万?$",
                   r"^点赞\s*\d+|^\d+\s*(?:likes|comments|shares)$")),
    ("promotion", _rx(r"^(?:lesetipps?|lese-tipps?|buchtipps?|linktipps?|read next|reading tip)\b",
                      r"\b(?:newsletter|subscribe|subscription|sign up|unsubscribe|inbox|become a (?:member|patron"
                      r"|subscriber)|"
                      r"support us|join \d[\d,.]* readers|ad-free|free trial|membership)\b",
                      # "Get Tamsin Waters by e-mail!" / "Enter your address below and we'll send you each new issue."
                      r"^(?:get|receive) [^,.;]{1,40} by e-?mail\s*[!.]?$|^(?:enter|type) your (?:e-?mail )?address\b",
                      # a site's app: "Apolut ist auch als kostenlose App für Android- und iOS-Geräte verfügbar!"
                      r"\b(?:ist|sind|gibt es uns|is|are) (?:jetzt |now |also |auch )*(?:als|as an?) "
                      r"(?:kostenlose |free )?app\b",
                      r"\b(?:Newsletter|abonnieren|Abonnent|Abo\b|Jetzt anmelden|kostenlos testen|Mitglied werden"
                      r"|unterstützen Sie)",
                      r"(?:会员|會員|订阅|訂閱|招聘|招商|热线|熱線|报名|報名|限时|限時|优惠|優惠|特惠|预约|預約|领取"
                      r"|領取|客户端|客戶端|"
                      r"早报|早報|每天早上|每日推送|投稿|栏目|欄目|专栏|專欄)",
                      AD_LABEL.pattern,
                      r"\b(?:Rabatt|Sale|Angebot|ab \d+ ?€|\d+ ?% off|discount|coupon|promo code)\b",
                      # a donation appeal
                      r"\b(?:donate|donation|patreon|steady|ko-fi|buy (?:us|me) a coffee|spende[nt]?|spendet|"
                      r"unterstützt uns|unterstütze uns|hilfst du uns|helft uns|helfen sie uns)\b",
                      # "for just $5 a month you keep us going" (an answer's "the rent was $640 a month" is no appeal)
                      r"\b(?:for|with|mit|für) (?:just |only |nur )?"
                      r"(?:€\s?\d+|\$\s?\d+|\d+(?:[.,]\d+)?\s?(?:€|euro|dollars?))"
                      r"\s+(?:im|pro|a|per|each)\s+(?:monat|month|jahr|year)\b",
                      r"(?:赞赏|讚賞|打赏|打賞)(?:作者|支持|一下)?",
                      # a channel's schedule: "每周五晚八点，和你聊一位手艺人"
                      r"^(?:每周|每週|每天|每日|每晚|每月)[^。！？]{0,20}(?:和你|与你|與你|陪你|带你|帶你|为你|為你|更新|推送"
                      r"|见面|見面)")),
    # a reporter's or the newsroom's address: "Reach Tom Akers at takers@example.com", "Kontakt: …@…"
    ("contact", _rx(r"^(?:telefon|tel\.?|phone|fon|fax|mobil|mobile|電話|电话)\s*[:：]\s*\+?[\d\s()/.-]{6,}$",
                    # a notice under the interview giving a number to call: "… gesucht: Telefon 07600 555-214"
                    r"\b(?:telefon|tel\.|phone|call|anrufen unter)\s*[:：]?\s*\+?\d[\d\s()/.-]{5,}\d\b",
                    r"\b(?:reach|contact|e-?mail|write to|kontakt|erreichen sie|schreiben sie)\b[^.!?]{0,60}?"
                    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                    r"(?:联系|聯繫|联络|聯絡|邮箱|郵箱|写信到|寫信到|来信|來信|投稿)[^。！？]{0,20}?"
                    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                    # "作者微信：zhoukexin_ai（添加请注明…）": a WeChat, LINE or phone contact given for the author
                    r"^(?:作者|记者|記者|编辑|編輯|小编|小編)?(?:微信|微信号|微信號|wechat|line|電話|电话)(?:\s*id)?\s*[:：]"
                    r"\s*[A-Za-z][\w.-]{4,30}",
                    r"^(?:新聞聯絡人|新闻联络人|聯絡人|联络人|聯絡窗口|媒體聯絡|媒体联络|Pressekontakt|Press contact|"
                    r"Media contact)\s*[:：]")),
    # a page's own record: "發布日期：114-03-18", "瀏覽人次：1,234", "Aktualisiert am 3. März 2025"
    ("page-record", _rx(r"^(?:发布于|發佈於|發布於|编辑于|編輯於|更新于|更新於)\s*(?:19|20)?\d\d[-/.年]\d{1,2}"
                        r"[^。！？\n]{0,40}$",
                        r"^(?:[^。！？\n]{0,30}[・·|｜]\s*)?IP\s*属地\s*[:：]?\s*\S{1,8}$",  # "编辑于 …・IP 属地浙江"
                        r"^(?:發布日期|发布日期|更新日期|發布單位|发布单位|發布機關|发布机关|瀏覽人次|浏览次数|點閱數|"
                        r"点击量|阅读量|閱讀數)\s*[:：]\s*\S[^。！？]{0,40}$",
                        r"^(?:publication date|release date|erscheinungsdatum|erscheinungstermin|on sale)\s*[:：]",
                        # a WeChat export's byline: "原创 周晓 山野笔记 2025年03月02日 08:00 云南"
                        r"^(?:原创|原創)?\s*(?:\S{1,12}\s+)?\S{2,20}\s+(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s+\d{1,2}:\d\d"
                        r"(?:\s+\S{1,8})?$")),
    # who the numbered voices are: "Sprecher 1 = Lea Brandt (Moderation), Sprecher 2 = Dr. Jonas Weber (Gast)"
    ("legend", _rx(r"^(?:[^=,;\s][^=,;\n]{0,19}?\s=\s[^=,;\n]{3,50}[,;]\s*+)+[^=,;\s][^=,;\n]{0,19}?\s=\s"
                   r"[^=,;\n]{3,50}$",
                   # or one a line, under its title: "Speaker legend" / "Speaker 1 = Dana Whitcombe (Host)"
                   r"^(?:(?:speaker |sprecher)?legende?\s*:?\s*)?"
                   r"(?:speaker|sprecher(?:in)?|说话人|發言人|person|stimme|voice)\s*\d{1,2}\s*=\s*[^=\n]{3,50}$")),
    # a way back or on: "← Zurück zur Übersicht", "Back to all interviews", "Mehr aus unserer Reihe „…“: A · B"
    # a table of contents' line: "Vorwort des Kuratoriums . . . . . . . 3", "Finanzbericht ........ 11"
    ("contents", _rx(r"^[^.\n]{2,90}(?: \.){4,} ?\d{1,4}(?: [^.\n]{2,90}(?: \.){4,} ?\d{1,4})*+$",
                     r"^[^.\n]{2,90}\.{4,} ?\d{1,4}$", r"^(?:\. ?){4,}\d{1,4}\b")),
    # how to cite the record: "For research and educational use. Please cite as: Kettering, Doris Ann. …"
    ("citation", _rx(r"\b(?:please )?cite (?:this (?:interview|transcript|item|record) )?as\s*:",
                     r"^(?:zitiervorschlag|zitierweise|empfohlene zitierweise|引用格式|引用方式)\s*[:：]")),
    # a video's on-screen caption, as its subtitles write it: "EINBLENDUNG: Dr. Katrin Wessel, Schlafmedizinerin"
    ("caption", _rx(r"^(?:einblendung|bauchbinde|insert|on-?screen(?: text| caption)?|lower third|屏幕字幕)\s*[:：]")),
    ("navigation", _rx(r"^(?:←|<-|<<)\s*\S.{0,50}$",
                       # the page's own address printed in its footer: "Page address: http://…/curlews.htm"
                       r"^(?:page address|page url|url of this page|address of this page|adresse dieser seite|"
                       r"seitenadresse|permalink|permanent link)\s*[:：]\s*<?https?://\S+>?$",
                       # an AMP or app page's pointer to the whole page: "Comments are only available on the full …"
                       r"^(?:comments are (?:only )?available|view (?:the )?full (?:site|version)|read (?:the )?full "
                       r"(?:article|story|interview) (?:on|at)|kommentare (?:sind )?nur)\b",
                       r"^(?:(?:zurück zu[rm]?|back to|return to|go back to)\s+(?:the |all |den |die |der |alle[nm]? )?"
                       r"(?:übersicht|startseite|home|homepage|top|overview|list|index|blog|archive|archiv|artikel|"
                       r"articles?|beiträge|posts?|interviews?|news|nachrichten|stories|episodes|folgen)\b"
                       r"|返回(?:首页|列表|目录|顶部|上一页)|回到(?:首页|顶部|列表))[^.!?:;,，。：]{0,30}$",
                       r"^(?:mehr aus|mehr von|mehr zu[mr]?|weitere (?:beiträge|artikel|folgen|interviews|teile)|"
                       r"more from|more in|also in (?:this|our) series|read more|also read|lesen sie auch|"
                       r"auch interessant|related|本系列|更多)\b[^:：.!?]{0,60}[:：]\s*\S")),
    ("sponsor", _rx(r"^(?:this|today'?s) (?:episode|show|podcast|programme|program) is (?:supported|sponsored|"
                    r"brought to you|underwritten) by\b",
                    r"\b(?:brought to you by|sponsored by|(?:our|today's|this episode's) sponsors?"
                    r"|thanks to our sponsors?|"
                    r"we have \w+ sponsors?|präsentiert von|unterstützt von|gesponsert von)\b", r"^(?:Sponsor|Sponsors"
                                                                                                r"|Anzeige)\s*:",
                    r"\b(?:listeners get|use (?:the )?code|go to \S+\.(?:com|io|co|fm)\b|(?:check it out|learn more"
                    r"|visit|head to|go to) "
                    r"(?:today )?at \S+\.\w+)", r"(?:本期|本节目|本集)(?:节目)?(?:由|赞助)")),
    ("paywall", _rx(r"^(?:member-only story|members-only story|subscriber-only|nur für abonnenten|会员专享|會員專屬)$",
                    r"\b(?:free articles? (?:remaining|left)|subscribe (?:for|to) (?:unlimited|continue|read)"
                    r"|already a "
                    r"subscriber|log in to (?:continue|read)|this (?:article|content) is for (?:subscribers"
                    r"|members))\b",
                    r"\b(?:weiterlesen mit|lesen sie jetzt mit|bereits abonnent|kostenlose \S+-?artikel gelesen|"
                    r"registrieren sie sich|für abonnenten)\b", r"(?:付费|付費)(?:阅读|閱讀)|(?:登录|登入)后(?:阅读"
                                                                r"|閱讀)")),
    # a printed page's jump line: "Continued on page 34", "(continued from page 29)", "Fortsetzung auf Seite 12"
    ("jump", _rx(r"^(?:(?-i:[^a-z.!?]{0,60})\s)?[(（]?(?:continued|cont'd|fortsetzung|weiter) (?:on|from|auf|von) "
                 r"(?:page|p\.|seite|s\.)\s*\d+[)）]?\.?(?:\s*:\s*\S.{0,80})?$")),  # (": „headline …“" repeated)
    ("copyright-line", _rx(r"^copyright\s*[:©]")),  # "Copyright: Penwith Archive." (in an answer, a topic)
    ("copyright", _rx(r"^©|^\(c\)\s|copyright\s*©?\s*\d{4}|\ball rights reserved\b",
                      r"\balle rechte vorbehalten\b",
                      r"版权所有|版權所有|版权归|版權歸|未经(?:授权|许可)|未經(?:授權|許可)|转载请|轉載請|^如需(?:转载|轉載)[，,]\s*[请請][^。]{0,30}(?:本公众号|本公眾號|本站|本刊|编辑部|編輯部)|严禁|嚴禁|"
                      r"^本文(?:为|為).{0,20}(?:原创|原創|特供稿件|独家稿件|獨家稿件)|^本文(?:首发|首發|刊载|刊載|出自|摘自|选自|選自|原载|原載|原刊|刊于|刊於)|ICP备|举报电话"
                      r"|舉報電話",
                      # the editors' note on the text's own version: "This is the extended version of an interview that
                      # appeared in …", "Dies ist die ungekürzte Fassung eines Interviews, das …"
                      r"^(?:this is (?:an? |the )?(?:extended|longer|unabridged|edited|abridged|shortened) "
                      r"version of (?:an? |the |our |this )?interview (?:that|which) (?:first )?(?:appeared|ran|was "
                      r"(?:first )?published)(?=[^.!?]{0,120}\b(?:print edition|edition of|issue of|issue\b))"
                      r"|dies ist (?:die|eine) (?:ungekürzte|gekürzte|erweiterte|längere|"
                      r"redigierte) fassung (?:eines|des) (?:interviews|gesprächs),? (?:das|welches) (?:zuerst )?"
                      r"(?:in|im|bei|auf) )[^.!?]{0,160}[.!]?$",
                      # a repost notice: "本文来自微信公众号“…”，作者：…"
                      r"^(?:本文|本篇|文章)?(?:来自|來自|转载自|轉載自|转自|轉自|经授权转载|經授權轉載|原载于|原載於)"
                      r".{0,30}(?:公众号|公眾號|微信|授权|授權|网站|網站|作者)",
                      r"\b(?:licensed|lizenziert) (?:under )?CC[- ]BY|\bproudly powered by\b|\bregistered charity\b",
                      r"\bcopyright (?:is |remains )?(?:held|owned|retained)\b|\bpermission to (?:publish|reproduce"
                      r"|broadcast|quote)\b|\bfor (?:research|educational|personal|non-commercial)(?: and \w+)? "
                      r"(?:purposes|use) only\b|\bnur (?:für|zu) (?:private|wissenschaftliche|nicht-kommerzielle)\w*"
                      r" (?:zwecke|nutzung)\b",
                      r"\bDisclaimer\b|仅供(?:查阅|参考|学习)|僅供(?:查閱|參考|學習)|独立观点|獨立觀點|不代表本(?:站"
                      r"|刊|平台)")),
    # a post's handle and when it was posted, outside the answers: "h4cd 发布于 2019/06/02 22:36"
    ("post line", _rx(r"^[A-Za-z0-9_.-]{2,30}\s*(?:发布于|發布於|发表于|發表於)\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+"
                      r"\d{1,2}:\d{2}(?::\d{2})?$")),  # (with its time: not a project's "v1.0 发布于 2015年3月")
    # a repost's notice, outside the answers (a photographer may say it of his pictures): "如需转载，请与 … 联系"
    ("reprint notice", _rx(r"^如需(?:转载|轉載)[，,]\s*[请請]")),
    # a translation project's invitation to correct it, outside the answers: "如果发现译文存在错误或其他需要改进的
    # 地方，欢迎…"
    ("translation note", _rx(r"^(?:如果|若)(?:发现|發現)(?:译文|譯文)(?:存在|有)(?:错误|錯誤)[^。！？]{0,40}"
                             r"(?:欢迎|歡迎)")),
    # where a repost's original ran, outside the answers (a writer tells where a text of theirs first ran):
    # "原文刊於《世界走走》：…", "Dieser Beitrag erschien zuerst auf Telepolis.", "Originally published in Wired."
    ("source", _rx(r"^原文(?:刊於|刊于|刊載於|刊载于|發表於|发表于|發佈於|发布于|首發於|首发于|載於|载于)",
                   r"^(?:(?:dieser|der) (?:beitrag|artikel|text|gastbeitrag) (?:erschien|ist) "
                   r"(?:zuerst|ursprünglich|erstmals)|"
                   r"(?:this|the) (?:interview|article|piece|story|post|conversation) "
                   r"(?:was |has been )?(?:first |originally )(?:published|appeared|ran)|originally published)"
                   r"\s+(?:in|on|at|by|auf|in der|im|bei|am)\s+(?-i:[A-Z„“\"«»*_])[^.!?,]{0,60}(?:erschienen)?[.!]?$")),
    # a rights statement, however long: "This transcript is made available for research purposes only. …"
    ("rights", _rx(r"^(?:this|the) (?:interview|article|transcript|recording|text|work|content|item|material) "
                   r"(?:is|was|are) (?:\w+ )?(?:available|licen[sc]ed|released|distributed|provided) (?:under|for|only)"
                   r"\b",
                   # a site's licence line: "Alle Texte dieser Seite stehen unter der Lizenz CC BY-SA 4.0."
                   r"^(?:alle|sämtliche|all|the)? ?(?:texte|inhalte|beiträge|texts|content|contents|posts) "
                   r"(?:(?:auf |in )?(?:dieser|diesem|dieses)|unserer|unseres|on this|of this|on our|in this) "
                   r"(?:seite|site|page|website|webseite|blogs?)\b"
                   r"[^.]{0,40}"
                   r"\b(?:stehen|steht|sind|is|are)\b[^.]{0,20}\b(?:unter der lizenz|unter einer|under (?:the|a))\b"
                   r"[^.]{0,40}(?:CC[ -]BY|creative commons|lizenz|licen[cs]e)")),
    # a boxed notice in a news story: "【…關心您】…可撥打…專線…", "【編者按】" inside the text
    ("notice", _rx(r"^【[^】]{0,12}(?:关心您|關心您|提醒您|提醒|小编|小編|广告|廣告|声明|聲明|公告)[^】]{0,6}】",
                   r"(?:可拨打|可撥打|请拨打|請撥打|欢迎拨打|歡迎撥打).{0,24}(?:专线|專線|热线|熱線)")),
    ("cookies", _rx(r"\b(?:we use cookies|cookie(?:s| policy| settings)|privacy (?:policy|settings)|accept all|"
                    r"wir verwenden cookies|cookie-einstellungen|datenschutz(?:erklärung|einstellungen)|^datenschutz$"
                    r"|alle akzeptieren|"
                    r"ihre privatsphäre)\b")),
    # (not "By 2019 the government …", "By accident. I answered an advertisement in 1994.", "By March 2019 we …",
    # "Von Anfang an …": a byline names someone)
    # a player's or a listing's line, outside the answers: a date and its clock time after a dash ("NDR Info - Das
    # Coronavirus-Update mit Christian Drosten - 18.03.2020 13:15 Uhr Autor/in: Korinna Hennig"), no sentence
    ("player", _rx(r"^[^.!?]{3,120}\s[-–|]\s+\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d,?\s+(?:um\s+)?\d{1,2}[:.]\d\d\s*Uhr\b"
                   r"[^.!?]{0,80}$")),  # (its show and title before the date: no timeline's "18.03.2020, 13:15 Uhr …")
    ("byline", _rx(r"^(?:By|Von|Posted on|Published|Veröffentlicht|Updated|Aktualisiert)\b(?!\s+\d)(?!\s+(?-i:[a-z]))"
                   rf"(?!\s+(?:{metadata._MONTH})\b)"  # (a month's name or its abbreviation)
                   r"(?!\s+(?:christmas|easter|weihnachten|ostern|anfang|beginn|ende|mitte|spring|summer|autumn|"
                   r"winter|frühjahr|frühling|sommer|herbst|then|now|dann|jetzt|heute)\b)"
                   r".{0,80}(?:\d{4}|min read"
                   r"|Minuten)",
                   r"^(?:Lesezeit|Reading time|Read time)\b",
                   r"\b\d+\s*(?:min read|minutes? read|Min\. Lesezeit)(?!(?-i:[a-z]))",  # ("8 min readMar 3, 2024")
                   # a post's credit line, a name and its role, no sentence: "Posted by Alex Durán, AMP Project
                   # Marketing, Google" (not a song's "Geschrieben von Matthias Claudius, vertont von …")
                   r"^Posted\s+by\s+(?-i:[A-Z])[^.!?:;]{2,100}$",
                   r"^(?:Posted|Published|Veröffentlicht|Aktualisiert|Updated)\s+(?:on|am)\s", r"^Tags?\s*:|^Tagged\b"
                                                                                               r"|^Schlagwörter\s*:",

                   r"^(?:Episode|Folge|Ep\.)\s*\d+\s*[·|]", r"^#\S+(?:\s+#\S+)+$",
                   r"^\d{4}[年-]\d{1,2}[月-]\d{1,2}日?\s*(?:\d{1,2}:\d{2})?\s*(?:星期.|周.)?\s*(?:来源：.*)?$",
                   r"^\d{1,2}\.\s*\w+\s+\d{4},?\s*\d{1,2}:\d{2}\s*Uhr$",
                   # a media library's terms: "Verfügbar bis 12.05.2029", "Produktion: MDR KULTUR 2024"
                   r"^(?:verfügbar bis|available until|online bis)\s+\S{4,30}$",
                   r"^(?:produktion|production)\s*:\s*[^.!?]{2,60}$",
                   # a show's credits: "【后期】小北 【封面】…"
                   r"^【(?:后期|後期|剪辑|剪輯|封面|制作|製作|监制|監製|混音|音乐|音樂|BGM|文字稿|校对|校對)】",
                   # a paper's print edition: "《 人民日报 》（ 2024年06月12日 02 版）"
                   r"^《\s*[^》]{2,12}\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}\s*版\s*[）)]$",
                   # a magazine's issue line: "Issue 41, Spring 2025", "Ausgabe 3/2024"
                   r"^(?:issue|ausgabe|heft|vol\.?|volume|no\.|nr\.)\s*\d+\s*(?:[,/·|–-]\s*)?(?:\w+\s+)?(?:19|20)\d\d$",
                   r"^(?:Stand|Zuletzt aktualisiert|Last updated|Updated|更新时间|更新時間|最后更新|最後更新)"
                   r"\s*[:：]\s*[\d.\-/年月日,:\sUhr]{6,30}$")),
]
# a box drawn in text ("+-----+ | ▶ Hören | +-----+"): a player, a promo, a notice; never what someone says
FRAMED = re.compile(r"^\s*(?:[+┌╔╭][-=─═+]{3,}[+┐╗╮]|[+]?[-=─═]{6,}[+]?)\s*[|│║].*[|│║]\s*"
                    r"(?:[+└╚╰][-=─═+]{3,}[+┘╝╯]|[+]?[-=─═]{6,}[+]?)\s*$", re.S)
SECTION_HEADINGS = re.compile(
    # "更多島嶼週報報導" over the outlet's other stories
    r"^(?:更多[^。，,！？!?\s]{0,12}(?:报导|報導|报道|報道|新闻|新聞|文章|好文|精彩内容|精彩內容)(?:$|\n)|"
    r"related|related (?:articles|posts|stories|reading|episodes)|read (?:more|next|also)|more (?:from|on|stories|"
    r"episodes|interviews)|recommended|you (?:may|might) also like|comments?|responses?(?=\s*\(\d+\))|"
    r"discussion(?=\s*\(\d+\))|(?:one|two|three) (?:responses?|comments?|replies|thoughts? on\b.*)$|"
    r"\d+\s*(?:kommentare?|条评论|條評論|則留言|则留言|条留言|條留言)$|"
    r"\d+ (?:comments?|responses?|replies)$|\d+ (?:comments?|thoughts"
    r"|responses?) on\b.*|"
    r"leave a (?:reply|comment)|(?:see also|further reading|external links|table of contents|contents|siehe auch|"
    r"weblinks|inhaltsverzeichnis|inhalt|目录|目錄|参见|參見|absage|abspann|credits|本期时间轴|时间轴|時間軸|本期提到|"
    r"notes|endnotes|fußnoten|anmerkungen|注释|注釋|"
    r"节目中提到|節目中提到|本期相关|shownotes|listen|listen now|anhören|jetzt anhören|watch|收听|收聽)$|"
    # (whole: "Inhalt und Form" is a heading)
    r"show ?notes|chapters|timestamps|links|kapitelmarken|kapitel|sprungmarken|"
    r"episode links|in this episode|previous episodes|"
    r"weitere (?:artikel|themen|beiträge|texte|interviews|nachrichten|folgen|empfehlungen)|in dieser ausgabe|"
    r"in this issue|impressum|imprint|legal notice|mehr zum thema|lesen sie auch|das könnte sie auch interessieren|"
    r"kommentare|leserkommentare|"
    r"pressekontakt|presse-kontakt|medienkontakt|press contact|media contacts?|for media inquiries|媒体联系|媒體聯絡|"
    r"延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关文章|相關文章|相关新闻|相關新聞|大家都在看|往期回顾|往"
    r"期回顧|往期推荐|往期推薦|praise for|"
    r"精选留言|精選留言|网友评论|網友評論|评论|評論|留言|热门评论|熱門評論)\b.*$", re.I)
AFTER_SECTIONS = re.compile(r"weitere informationen|mehr informationen|further information|more information|"
                            r"get involved|mitmachen")
SHOW_NOTES = re.compile(r"bgm|背景音乐|背景音樂|配乐|配樂|本期音乐|本期音樂|互动|互動|商务合作|商務合作|"
                        r"联系我们|聯絡我們")
SECTION_TO_END = re.compile(r"comment|kommentar|留言|评论|評論|reply|replies|responses?\b|thoughts? on|discussion",
                            re.I)
MENU_SEPARATORS = re.compile(r"\s[·|•/›»]\s|｜|\s{2,}")  # (› and »: a breadcrumb trail)


@dataclass
class Dropped:
    """A paragraph (or part of one) left out of the passages, and why."""

    text: str
    reason: str
    line: int = 0


def is_menu(text: str) -> bool:
    """A row of short items: "Listen on A · B · C", "Home · Interviews · Newsletter"."""
    parts = [p for p in MENU_SEPARATORS.split(text) if p.strip()]
    enough = len(parts) >= 3 or (len(parts) == 2 and len(text) < 40)
    return enough and len(text) < 160 and all(len(p) < 40 for p in parts) and not SENTENCE_END.search(text)


REACTION = re.compile(r"(?i)(?:[\u2600-\u27BF\U0001F000-\U0001FAFF\uFE0F]+\s*\d[\d.,]*[kK]?|reply|antworten|zitieren|"
                      r"回复|回覆|like|gefällt mir|melden|report)(?:\s*[·|]\s*(?:reply|antworten|share|teilen|回复))*")
# a link set as a button: "Jetzt testen ›", "Read the full story →", "Jetzt anhören (38 Min.)"
BUTTON = re.compile(r"^[^.!?。！？]{2,40}(?:\s?[›→➔▸»>]|\s\(\d+\s?(?:Min\.?|min|Minuten|minutes)\))$")
CAPS_HEADING = re.compile(r"(?=\S+ \S)[A-ZÄÖÜÀ-Þ][A-ZÄÖÜÀ-Þ0-9&'’ ,:-]{2,78}[A-ZÄÖÜÀ-Þ]")
LOOSE = {"promotion", "follow-word"}
# a consent banner of any length before or after the text: cookies named beside two words of what the reader
# consents to
COOKIE_BANNER = re.compile(r"(?i)\b(?:we|wir|diese (?:web)?seite|diese website|this (?:web)?site|our (?:web)?site)\b"
                           r"[^.]{0,60}\b(?:use|uses|verwenden|verwendet|nutzen|nutzt|setzen|setzt)\b[^.]{0,40}\bcookies\b"
                           r"|\b(?:verwenden|nutzen|setzen|benutzen)\s+wir\b[^.]{0,40}\bcookies\b|\buse of cookies\b"
                           r"|使用\s*cookie")
CONSENT = re.compile(r"(?i)einwilligung|zustimmung|\bconsent|personali[sz]|\btracking\b|widerruf|datenschutz|"
                     r"\bprivacy\b|akzeptieren|accept all|ähnliche technologien|similar technologies|同意|隐私|隱私")
BANNER_MAX = 800  # characters
WRITER_INITIALS = re.compile(r"[(（](?:(?!(?:ja|no|ok|oh|ah|äh|hm|mh|[ivx]+)[)）/])[a-zäöü]{2}|dpa|afp|epd|kna|apa|sda|"
                             r"ddp)(?:/(?:[a-zäöü]{2}|dpa|afp))?[)）]")  # "(tk)", "(dpa)" (not "(ja)", "(sic)", "(ii)")
NOTICE_MAX = 60  # characters: a comment form's notice under the last answer, not an answer that quotes it
NOTICE_PHRASES = re.compile(r"文明上网|理性发言|审核|審核|仅代表|僅代表|不代表本站|遵守|法律法规|法律法規")
SHORT_ONLY = {"promotion", "copyright", "copyright-line", "cookies", "paywall", "follow", "contact"}  # a line, no box
FOLLOW_WORDS = _rx(r"(?:关注我们|關注我們|公众号|公眾號|扫码|二维码|转发|点赞|(?:点个?|點個?|^)在看|星标|置顶|"
                   r"(?:持续|记得|欢迎|敬请|點"
                   r"擊|点击)關?关?注|"
                   r"关注(?:哦|本号)|点击(?:跳转|阅读|查看|这里|下方|上方)|點擊(?:跳轉|閱讀|查看|這裡))")
CALL_TO_ACTION = re.compile(
    r"^(?:Sign up|Subscribe|Join|Get|Become|Support|Try|Download|Listen|Read|Buy|Order|Jetzt|Melden Sie|Abonnieren|"
    r"Holen Sie|Bestellen|Testen|点击|扫码|关注|订阅|訂閱|加入|立即|报名|報名|长按|長按|每天|每周|每週)", re.I)


GALLERY = re.compile(r"^(?P<k>\d{1,2})\s*/\s*(?P<n>\d{1,2})\s+(?!of\b|der\b|des\b|aller\b|的)\S[^\n]{0,80}$", re.I)
GALLERY_MAX = 20  # pictures in a gallery ("50/50 at best" and "9/11 changed everything" are no picture's number)


SOURCE_NOTE = re.compile(r"[（(【\[]\s*(?:原文|本文)(?:刊於|刊于|刊載於|刊载于|發表於|发表于|發佈於|发布于|"
                         r"首發於|首发于|載於|载于|原載於|原载于)[^\n]{1,200}[）)】\]]")


# a footer's line under the interview set off by an emoji, sending the reader on: "🌐 To learn more about …,
# visit their website", "📺 Session recording will be available on the … YouTube channel", "📰 … Read my recap: …"
EMOJI_POINTER = re.compile(r"(?i)[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s*\S[^\n]{0,300}?\b(?:"
                           r"visit (?:their|our|the|my)|"
                           r"check out|read my|read our|watch (?:it|the|our)|listen to (?:it|the|our)|follow (?:us|me)|"
                           r"subscribe|connect with|register|sign up|learn more|will be available|besuchen sie|"
                           r"mehr erfahren|folgen sie|jetzt anmelden)\b")


def classify(text: str, para: Para | None = None, *, in_answer: bool = False) -> str | None:
    """Why a piece of visible text is chrome, or None when it is content.

    Inside an answer only unmistakable chrome counts (a credit line, a caption, a paywall box, a call
    to action): an interviewee may well talk about newsletters, members or 公众号.
    """
    plain = EMOJI.sub("", visible(text))  # "📝 編輯補充：…", "👉 加入我們的 Discord": judged by their words
    if not plain or not re.search(r"\w", plain):
        return "empty"
    if RULES[0][1].search(plain):
        return "marker"
    if re.fullmatch(r"`[^`]+`", plain):  # a whole line set as code: judge what it says
        plain = plain[1:-1].strip()
    if WRITER_INITIALS.fullmatch(plain):
        return "credit"  # "(tk)" under the interview: the writer's initials
    if SOURCE_NOTE.fullmatch(plain):
        return "copyright"  # "【原文刊於《世界走走》：…】": a repost's note in brackets, no one's words
    if re.fullmatch(r"[（(【\[][^（）()【】\[\]]+[）)】\]]", plain):  # a note in brackets: judge what it says
        plain = plain[1:-1].strip()
    if AD_LABEL.fullmatch(plain) or AD_BOX.match(plain):
        return "ad"
    if FRAMED.match(plain):
        return "box"
    short = len(plain) <= 240
    if not in_answer and len(plain) <= BANNER_MAX and COOKIE_BANNER.search(plain) \
            and len({m.group(0).casefold() for m in CONSENT.finditer(plain)}) >= 2:
        return "cookies"
    boxed = para is not None and (para.quote or para.bold or para.italic)
    loose_ok = not in_answer or (len(plain) <= 160 and (boxed or bool(CALL_TO_ACTION.match(plain))))
    for reason, rx in RULES:
        if reason in SHORT_ONLY and not short:
            continue
        if reason in {"credit", "byline", "caption"} and len(plain) > 160:
            continue
        if reason in LOOSE and not loose_ok:
            continue
        if (reason in {"chapters", "navigation", "contact", "copyright-line", "record", "pointer", "player",
                       "related", "source", "translation note", "reprint notice", "post line"} or (
                reason == "recording button" and para is not None and para.kind == "item")) and in_answer:
            continue
        if reason == "comment form" and in_answer and len(plain) > NOTICE_MAX and (
                len(set(NOTICE_PHRASES.findall(plain))) < 2 or "我" in plain or len(plain) > 2 * NOTICE_MAX):
            # (a moderator quoting the rules, explaining them)
            continue
        found = rx.search(plain)
        if found and (not in_answer or found.start() <= 3 or reason in {"caption", "paywall", "jump", "citation"}):
            return "copyright" if reason == "copyright-line" else reason
    if short and loose_ok and FOLLOW_WORDS.search(plain):
        return "follow"
    if short and is_menu(plain):
        return "menu"
    if not in_answer and BUTTON.match(plain) and CALL_TO_ACTION.match(plain):
        return "link button"
    if not in_answer and CAPS_HEADING.fullmatch(plain):
        return "heading in capitals"  # "ABOUT THE AUTHOR", "COMMITTEE ON PUBLIC WORKS": a title, no passage
    gallery = GALLERY.match(plain)
    if gallery and not in_answer and 1 <= int(gallery.group("k")) <= int(gallery.group("n")) <= GALLERY_MAX:
        return "caption"  # a gallery's picture and its number: "2/4 入口处的“净菜档”，下班时段排起长队。"
    if REACTION.fullmatch(plain) or REACTION.fullmatch(visible(text)):
        return "reactions"  # a post's "❤️ 14", "Antworten", "👍 3 · Reply": the forum's buttons
    section = para is not None and para.kind == "heading" and para.level <= 3  # ("## Interview: …" after a photo)
    if para is not None and para.after_image and not para.bold and not section and (
            is_caption(plain) or (para.italic and len(plain) <= 200 and not plain.rstrip(" *_").endswith(("?", "？")))):
        return "caption"  # "![](map.png)" over "*Afternoon temperatures, July 17. Map: City of …*"
    return None


# a translator's or editor's note set into a sentence: "…最后死的是一头牛（LCTT 译注：这是杀鸡用牛刀的意思吗？）。",
# "… (Anm. d. Red.: Das Gesetz trat 2021 in Kraft.)", "… (Translator's note: a pun on 'bug'.)"
_NOTE_KEY = (r"[ \t]*(?:[A-Z]{2,6}[ \t]*)?(?:译注|譯註|譯注|译者注|譯者註|譯者注|编注|編註|编者注|編者註|编者按|編者按|"
             r"编按|編按|小编注|小編註|笔者注|筆者註|筆者注|(?i:anm\.\s*d\.\s*(?:red|übers|ü)\.|anmerkung der "
             r"(?:redaktion|übersetzung|übersetzerin|übersetzers)|translator['’]?s note|editor['’]?s note|ed\.\s*note))"
             r"[ \t]*[:：]")
INLINE_NOTE = re.compile(rf"[ \t]*(?:[（(]{_NOTE_KEY}(?:[^（）()\n]|[（(][^（）()\n]{{0,100}}[）)]){{1,300}}[）)]"
                         rf"|\[{_NOTE_KEY}[^\[\]\n]{{1,300}}\])")  # (a note in round brackets may hold "[…]")


def inline_notes(text: str) -> tuple[str, list[str]]:
    """A paragraph without the notes a translator or editor set into its sentences, and those notes."""
    found = [m.group(0).strip() for m in INLINE_NOTE.finditer(text)]
    return (INLINE_NOTE.sub("", text), found) if found else (text, [])


def trailing_chrome(text: str) -> tuple[str, str]:
    """A credit or disclaimer glued to the end of a paragraph ("…（笑）*文章为作者独立观点，仅供参考。")
    -> (text without it, the chrome)."""
    m = re.search(r"(?<=[。！？!?.）)])\s*\**\*?([^。！？!?.\n（）()]{4,80}[。.!]?)\**\s*$", text)
    if m and m.start(1) > 0 and classify(m.group(1)) in {"copyright", "credit", "follow"}:
        return text[:m.start()].rstrip(" *"), m.group(1)
    return text, ""


PHOTO_CREDIT = re.compile(r"(?i)^(?:摄影|攝影|图片|圖片|图|圖|图源|圖源|图片来源|圖片來源|Foto|Fotos|Bild|Photo|Photos|"
                          r"Photograph|Image|Credit)\s*[:：/｜|]\s*(?:\S{1,40}|[^\s.!?]{1,30}(?: [^\s.!?]{1,30}){1,4})$"
                          r"|^(?:Photo|Photograph|Foto|Bild) (?:by|von) ")


def is_caption(plain: str) -> bool:
    """Text right after an image that reads like its caption: short, or a bracketed or credited note."""
    if re.fullmatch(r"[（(][^（）()]{2,80}[）)]", plain):
        return True
    limit = 60 if HAN.search(plain) else 140
    short_sentence = len(plain.split()) <= 10 and plain.endswith(".") and not re.search(r"[,;:]", plain)
    named = NAMED_AFTER.sub("", plain)  # "…对比图（Bot vs Human）": what is shown, named again, ends no sentence
    credited = AGENCY_CREDIT.sub("", plain).rstrip()
    if credited != plain and len(plain) <= limit + 40 and not re.search(r"[。！？!?](?=.)|\.(?=\s)", credited):
        return True  # "烏東盧甘斯克（Luhansk），老婦人經過被轟炸的廢墟。（美聯社）": a news agency's photo
    return len(plain) <= limit and (not SENTENCE_END.search(named or plain) or short_sentence)


# a Chinese caption's last words in brackets, naming what it shows again in Latin letters ("（Bot vs Human）"; not
# a note, "（他已经八十岁了）", nor a reaction)
NAMED_AFTER = re.compile(r"(?<=[\u3400-\u9fff])\s*[（(][A-Za-z][A-Za-z0-9 .,&'’-]{1,40}[）)]\s*$")
# a news agency's or picture library's credit closing a caption: "…安慰著4歲女兒（美聯社）", "… (AP)"
AGENCY_CREDIT = re.compile(r"[（(](?:美聯社|美联社|路透社?|法新社|新華社|新华社|中新社|德新社|美國之音|美国之音|"
                           r"視覺中國|视觉中国|東方IC|东方IC|達志影像|达志影像|中央社|"
                           r"AP|AFP|Reuters|dpa|EPA|Getty(?: Images)?|Xinhua|Shutterstock|Unsplash|"
                           r"picture alliance|imago)"
                           r"(?:\s*[/／]\s*[^（）()]{1,30})?[）)]\s*$")


def leading_caption(text: str) -> tuple[str, str]:
    """A caption glued to the text after an image ("（隋少龙在讲解技术细节）首先，…") -> (caption, rest)."""
    m = re.match(r"^\s*(?:\*\*)?([（(][^（）()]{2,60}[）)])(?:\*\*)?\s*(?=\S)", text)
    if m:
        return m.group(1), text[m.end():]
    m = re.match(r"^\s*([^（）()\n]{4,200}?[（(](?:图|圖|摄影|攝影|摄|攝|Foto|Photo|Bild|Image)"
                 r"[^（）()]{0,30}[）)])\s*", text)
    if m:
        return m.group(1), text[m.end():]
    m = re.match(r"^\s*([^。！？!?]{4,60}?(?:摄|攝)\s*[）)])\s*", text)
    if m:
        return m.group(1), text[m.end():]
    return "", text


def section_heading(text: str, ended: bool = False) -> str | None:
    """A heading that opens a block of chrome ("Related", "Comments", "延伸阅读"): "section" or "to-end"; after
    the interview (`ended`), also a show's or a release's closing sections ("互动", "Weitere Informationen")."""
    plain = re.sub(r"^[^\w\[(（【]+", "", visible(text)).strip(" :：")  # "📌 延伸閱讀": the words after the emoji
    noted = re.fullmatch(r"【([^【】]+)】", plain)  # "【时间轴】", "【BGM】": a show's notes titled in brackets
    plain = noted.group(1) if noted else plain
    if (noted or ended) and (SHOW_NOTES.fullmatch(plain.casefold()) or AFTER_SECTIONS.fullmatch(plain.casefold())):
        return "section"  # (in the middle of an interview, "## 配乐" or "**Mehr Informationen**" is its own topic)
    if not SECTION_HEADINGS.match(plain):
        return None
    return "to-end" if SECTION_TO_END.search(plain) else "section"
