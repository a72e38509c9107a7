package when

import (
	"strings"
	"unicode"
)

// langSet is a set of language hints, one bit each.
type langSet uint8

const (
	langEN langSet = 1 << iota
	langFA
	langPS
	langUR
	langAR

	langArabicScript = langFA | langPS | langUR | langAR
	langAll          = langEN | langArabicScript
)

// langHint maps a language tag ("fa", "fa-AF", "prs", "pus", "") to the set
// of table entries to use; the empty set means any.
func langHint(tag string) langSet {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	switch tag {
	case "en", "eng":
		return langEN
	case "fa", "fas", "per", "prs", "pes":
		return langFA
	case "ps", "pus", "pbt", "pst":
		return langPS
	case "ur", "urd":
		return langUR
	case "ar", "ara", "arb":
		return langAR
	}
	return 0
}

func parseLangs(s string) langSet {
	var set langSet
	for _, f := range strings.Fields(s) {
		set |= langHint(f)
	}
	return set
}

type kind uint8

const (
	kMonth     kind = iota + 1 // val: month 1..12, cal
	kWeekday                   // val: time.Weekday
	kMarker                    // era after a year; cal ("" for either Hijri)
	kFillMonth                 // word before a month name: "of", "ماه"
	kFillYear                  // word before a year: "سال"
	kFillAfter                 // word after a month name: "ماه" in "دی ماه"
	kFillDay                   // word before a day number: Pashto "په"
	kYearAfter                 // word after a year: Pashto "کال"
	kOrdinal                   // suffix of a day number: "th"
	kRelDay                    // val: days from ref; n=1 when the direction depends on the verb
	kPeriod                    // "last week": val unit, n count (negative: past)
	kLastPre                   // "last" before a weekday
	kLastPost                  // "گذشته" after a weekday
	kNextPre                   // "next" before a weekday
	kOnPre                     // "روز", "يوم" before a weekday, part of the expression
	kOnPost                    // "کو", "په ورځ" after a weekday
	kNumWord                   // val: a number written as a word
	kUnit                      // val: unit; n: count implied by the word (Arabic dual), else 0
	kAgoPost                   // "ago", "پیش"
	kAgoPre                    // Arabic "قبل" before the amount
	kMonthPrep                 // English word that makes a bare month name a date: "in March"
	kTimePre                   // "at", "ساعت" before a clock time
	kAmPm                      // val: 0 before noon, 12 after
	kVerb                      // a verb that can follow the Persian prefix می written apart
	kIdiom                     // a phrase containing a relative word that is not a date
	kZone                      // a time zone name after a clock time
	kDayWord                   // val: a day of the month written as a word before a month name (Urdu یکم)
	kThisPre                   // "this" before a weekday: the one nearest ref
	kRangeSep                  // a word between the two ends of a range of days: "to", "تا"
)

// Units of relative expressions.
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
)

// entry is one meaning of a phrase in the lexicon.
type entry struct {
	kind      kind
	val, n    int
	cal       string
	langs     langSet // 0: any
	ambiguous bool    // also an ordinary word: needs a day number before it or a year
	latin     bool    // Latin month or weekday name: must be capitalised
}

// group is a row of the tables below: phrases separated by "|", each
// optionally prefixed by "~" to mark it ambiguous.
type group struct {
	kind   kind
	val, n int
	cal    string
	langs  string
	words  string
}

// months lists month names by calendar; the index is the month number - 1.
var months = []struct {
	cal, langs string
	names      [12]string
}{
	{Gregorian, "", [12]string{
		"January|Jan", "February|Feb", "March|Mar", "April|Apr", "May", "June|Jun",
		"July|Jul", "August|Aug", "September|Sept|Sep", "October|Oct", "November|Nov", "December|Dec"}},
	// Dari, also written in Pashto; ICU's Dari abbreviations are ambiguous.
	{Gregorian, "fa ps", [12]string{
		"جنوری|~جنو", "فبروری|فیبروری|~فبر", "مارچ", "اپریل|آپریل|اپرېل",
		"~می|مئی", "جون", "جولای|جولائی|~جول", "اگست|آگست",
		"سپتامبر|سپتمبر|سېپتمبر|سپټمبر|~سپت", "اکتوبر|~اکت", "نومبر|~نوم", "دسامبر|دسمبر|ډسمبر|~دسم"}},
	// Iranian Persian. مه is also the Pashto ordinal suffix (۲۵مه).
	{Gregorian, "fa", [12]string{
		"ژانویه|ژانویهٔ", "فوریه", "مارس", "آوریل", "~مه|~می", "ژوئن|ژوین", "ژوئیه|ژوییه|جولای",
		"اوت|آگوست|اگوست", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"}},
	{Gregorian, "ps", [12]string{
		"جنوري|جنورۍ", "فبروري|فبرورۍ", "مارچ", "اپرېل", "مۍ|~مئ", "جون", "جولای|جولاى", "اګست",
		"سېپټمبر|سپټمبر", "اکټوبر", "نومبر|نوېمبر", "ډسمبر|دسمبر"}},
	{Gregorian, "ur", [12]string{
		"جنوری", "فروری", "مارچ", "اپریل|اپریل", "مئی|~مئ", "جون", "جولائی|جولائ|جولائي", "اگست",
		"ستمبر", "اکتوبر", "نومبر", "دسمبر"}},
	// Egyptian and Gulf names, the Levantine and Iraqi ones, and the
	// Maghrebi ones borrowed from French.
	{Gregorian, "ar", [12]string{
		"يناير|كانون الثاني|جانفي", "فبراير|شباط|فيفري", "مارس|آذار", "أبريل|إبريل|نيسان|أفريل",
		"مايو|أيار|~ماي", "يونيو|يونية|حزيران|جوان", "يوليو|يولية|تموز|جويلية", "أغسطس|~آب|أوت",
		"سبتمبر|أيلول", "أكتوبر|تشرين الأول", "نوفمبر|تشرين الثاني", "ديسمبر|كانون الأول"}},
	// Afghan (zodiac) names, used in Dari and often in Pashto.
	{Persian, "fa ps", [12]string{
		"~حمل", "~ثور", "جوزا|جوزاء", "~سرطان", "~اسد", "سنبله", "~میزان", "~عقرب", "~قوس", "~جدی", "~دلو", "~حوت"}},
	{Persian, "ps", [12]string{
		"~وری", "~غویی|غوایی|غويى", "غبرګولی|غبرګولې", "چنګاښ", "~زمری", "~وږی", "~تله", "~لړم",
		"لیندۍ|~لیندی", "مرغومی|مرغومۍ", "سلواغه", "~کب"}},
	{Persian, "fa", [12]string{
		"فروردین", "اردیبهشت", "خرداد", "~تیر", "مرداد|امرداد", "شهریور", "~مهر", "آبان", "~آذر", "~دی", "بهمن", "اسفند"}},
	{Islamic, "fa ps ur ar", [12]string{
		"~محرم|محرم الحرام", "~صفر|صفر المظفر",
		"ربيع الأول|ربيع الاول|ربیع الاول|ربيع أول|ر بیع الاول", // ICU's Urdu splits ربیع
		"ربيع الآخر|ربيع الثاني|ربیع الثانی|ربیع الآخر|ربيع ثاني|ر بیع الثانی",
		"جمادى الأولى|جمادى الأول|جمادی الاول|جمادی الاولی",
		"جمادى الآخرة|جمادى الثانية|جمادى الآخر|جمادی الثانی|جمادی الاخری|جمادی الثانیه",
		"~رجب|رجب المرجب", "~شعبان|شعبان المعظم", "~رمضان|رمضان المبارك",
		"~شوال|شوال المكرم", "ذو القعدة|ذي القعدة|ذی القعده|ذیقعده", "ذو الحجة|ذي الحجة|ذی الحجه|ذیحجه"}},
	// English transliterations, as agencies and Pakistani papers write them.
	{Islamic, "", [12]string{
		"Muharram", "~Safar", "Rabi al-Awwal|Rabi' al-Awwal|Rabi ul Awal|Rabiul Awal|Rabi I",
		"Rabi al-Thani|Rabi' al-Thani|Rabi al-Akhir|Rabi' al-Akhir|Rabi us Sani|Rabiul Sani|Rabi II",
		"Jumada al-Awwal|Jumada al-Ula|Jumadi ul Awal|Jumada I",
		"Jumada al-Thani|Jumada al-Akhirah|Jumada al-Akhira|Jumadi us Sani|Jumada II",
		"~Rajab", "Sha'ban|Shaban|Shaaban", "Ramadan|Ramazan|Ramzan|Ramadhan", "Shawwal|Shawal",
		"Dhu al-Qadah|Dhu al-Qa'dah|Dhul Qadah|Dhu'l-Qa'dah|Zul Qadah|Zilqad",
		"Dhu al-Hijjah|Dhul Hijjah|Dhu'l-Hijjah|Zul Hijjah|Zilhaj|Zil Hajj"}},
}

// weekdays lists weekday names from Sunday.
var weekdays = []struct {
	langs string
	names [7]string
}{
	{"", [7]string{"Sunday|~Sun", "Monday|~Mon", "Tuesday|~Tue|~Tues", "Wednesday|~Wed",
		"Thursday|~Thu|~Thur|~Thurs", "Friday|~Fri", "Saturday|~Sat"}},
	{"fa ps", [7]string{"یکشنبه|یک شنبه", "دوشنبه|دو شنبه", "سه شنبه", "چهارشنبه|چهار شنبه",
		"پنجشنبه|پنج شنبه", "جمعه", "شنبه"}},
	// Pashto: ICU's names, the oblique case (د دوشنبې په ورځ) and the old
	// names, which are ordinary words too.
	{"ps", [7]string{"یک شنبې|یکشنبې|اتوار|يونۍ", "دو شنبې|دوشنبې|دونۍ|~ګل", "سه شنبې|درېنۍ|~نهه", "چهار شنبې|چهارشنبې|څلرنۍ|~شورو",
		"پنج شنبې|پنجشنبې|پينځنۍ|~زیارت", "جمعې", "شنبې|~اونۍ|~خالي"}},
	{"ur", [7]string{"اتوار", "~پیر|سوموار", "منگل", "بدھ", "جمعرات", "جمعہ|جمعے", "~ہفتہ|~ہفتے|سنیچر"}},
	{"ar", [7]string{"الأحد", "الاثنين|الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}},
}

var groups = []group{
	{kind: kMarker, cal: Persian, words: "ه ش|ه.ش|ه. ش|ه.ش.|ه ش.|هجری شمسی|هجري شمسي|هجری خورشیدی|خورشیدی|شمسی|ش|ش.|" +
		"هجري لمريز|ه.ل|ه ل|لمریز|AP|SH|S.H."},
	{kind: kMarker, cal: Islamic, words: "ه|ه.|ه.ق|ه. ق|ه.ق.|ه ق|هجری قمری|هجري قمري|قمری|ق|ق.|" +
		"AH|A.H.|A.H|هجرية|للهجرة|هـ.ق|قمري"},
	{kind: kMarker, cal: "", words: "هجری|هجري|ھجری"},
	{kind: kMarker, cal: Gregorian, words: "م|م.|میلادی|ميلادية|ميلادي|للميلاد|عیسوی|ء|ع|AD|A.D.|CE|C.E."},

	{kind: kFillMonth, words: "of|ماه|برج|د|میاشت|میاشتې|شهر|ماہ"},
	{kind: kFillYear, words: "سال|کال|د|عام|سنة|لعام|لسنة|سالِ"},
	{kind: kFillAfter, langs: "fa", words: "ماه"},
	{kind: kFillDay, langs: "ps", words: "په"},
	{kind: kYearAfter, langs: "ps", words: "کال"},
	{kind: kOrdinal, words: "st|nd|rd|th|ام|م|ویں|ئم|مې"},
	{kind: kOrdinal, langs: "ps", words: "مه"}, // also written apart: ۳ مه

	{kind: kRelDay, val: -1, langs: "en", words: "yesterday|last night|overnight"},
	{kind: kRelDay, val: 0, langs: "en", words: "today|tonight|this morning|this afternoon|this evening|earlier today"},
	{kind: kRelDay, val: 1, langs: "en", words: "tomorrow"},
	{kind: kRelDay, val: -2, langs: "en", words: "the day before yesterday"},
	{kind: kRelDay, val: 2, langs: "en", words: "the day after tomorrow"},
	{kind: kRelDay, val: -1, langs: "fa", words: "دیروز|دیشب|روز گذشته"},
	{kind: kRelDay, val: 0, langs: "fa", words: "امروز|امشب"},
	{kind: kRelDay, val: 1, langs: "fa", words: "فردا"},
	{kind: kRelDay, val: -2, langs: "fa", words: "پریروز|پریشب"},
	{kind: kRelDay, val: 2, langs: "fa", words: "پس فردا"},
	{kind: kRelDay, val: -1, langs: "ps", words: "پرون|پرون ورځ|پرونۍ ورځ|پرون شپه|تېره ورځ|تیره ورځ"},
	{kind: kRelDay, val: 0, langs: "ps", words: "نن|نن ورځ|نن شپه|نننۍ ورځ"},
	{kind: kRelDay, val: 1, langs: "ps", words: "سبا|سبا ورځ"},
	{kind: kRelDay, val: -2, langs: "ps", words: "لومبارځ|وړمه ورځ"},
	{kind: kRelDay, val: -1, langs: "ur", words: "گزشتہ روز|گذشتہ روز|گزشتہ رات|گزشتہ شب"},
	{kind: kRelDay, val: 0, langs: "ur", words: "آج|آج رات"},
	{kind: kRelDay, val: 1, langs: "ur", words: "آئندہ روز"},
	// کل is yesterday or tomorrow and پرسوں two days either way: the verb
	// decides (see relDirection).
	{kind: kRelDay, val: -1, n: 1, langs: "ur", words: "کل|کل رات"},
	{kind: kRelDay, val: -2, n: 1, langs: "ur", words: "پرسوں"},
	{kind: kRelDay, val: -1, langs: "ar", words: "أمس|الأمس|البارحة|مساء أمس|ليلة أمس|يوم أمس"},
	{kind: kRelDay, val: 0, langs: "ar", words: "اليوم|الليلة"},
	{kind: kRelDay, val: 1, langs: "ar", words: "غدا|غداً|الغد"},
	{kind: kRelDay, val: -2, langs: "ar", words: "أول أمس|أول من أمس"},
	{kind: kRelDay, val: 2, langs: "ar", words: "بعد غد"},

	{kind: kPeriod, val: unitWeek, n: -1, langs: "en", words: "last week|the past week|the previous week"},
	{kind: kPeriod, val: unitMonth, n: -1, langs: "en", words: "last month|the previous month"},
	{kind: kPeriod, val: unitYear, n: -1, langs: "en", words: "last year|the previous year"},
	{kind: kPeriod, val: unitWeek, n: 1, langs: "en", words: "next week"},
	{kind: kPeriod, val: unitMonth, n: 1, langs: "en", words: "next month"},
	{kind: kPeriod, val: unitYear, n: 1, langs: "en", words: "next year"},
	{kind: kPeriod, val: unitWeek, n: -1, langs: "fa", words: "هفته گذشته|هفته پیش|هفته قبل|هفته ی گذشته|هفتهٔ گذشته"},
	{kind: kPeriod, val: unitMonth, n: -1, langs: "fa", words: "ماه گذشته|ماه پیش|ماه قبل"},
	{kind: kPeriod, val: unitYear, n: -1, langs: "fa", words: "سال گذشته|سال پیش|سال قبل|پارسال"},
	{kind: kPeriod, val: unitWeek, n: 1, langs: "fa", words: "هفته آینده"},
	{kind: kPeriod, val: unitWeek, n: -1, langs: "ps", words: "تېره اونۍ|تیره اونۍ|تېره هفته|پخوانۍ اونۍ"},
	{kind: kPeriod, val: unitMonth, n: -1, langs: "ps", words: "تېره میاشت|تیره میاشت"},
	{kind: kPeriod, val: unitYear, n: -1, langs: "ps", words: "تېر کال|تیر کال|پروسږکال|پرون کال"},
	{kind: kPeriod, val: unitWeek, n: 1, langs: "ps", words: "راتلونکې اونۍ"},
	{kind: kPeriod, val: unitWeek, n: -1, langs: "ur", words: "گزشتہ ہفتے|گزشتہ ہفتہ|پچھلے ہفتے|گذشتہ ہفتے"},
	{kind: kPeriod, val: unitMonth, n: -1, langs: "ur", words: "گزشتہ ماہ|پچھلے ماہ|پچھلے مہینے|گزشتہ مہینے"},
	{kind: kPeriod, val: unitYear, n: -1, langs: "ur", words: "گزشتہ سال|پچھلے سال|گزشتہ برس|پچھلے برس"},
	{kind: kPeriod, val: unitWeek, n: 1, langs: "ur", words: "اگلے ہفتے|آئندہ ہفتے"},
	{kind: kPeriod, val: unitWeek, n: -1, langs: "ar", words: "الأسبوع الماضي|الاسبوع الماضي"},
	{kind: kPeriod, val: unitMonth, n: -1, langs: "ar", words: "الشهر الماضي"},
	{kind: kPeriod, val: unitYear, n: -1, langs: "ar", words: "العام الماضي|السنة الماضية|العام المنصرم"},
	{kind: kPeriod, val: unitWeek, n: 1, langs: "ar", words: "الأسبوع المقبل|الأسبوع القادم"},

	{kind: kLastPre, langs: "en", words: "last|this past|past"},
	{kind: kLastPre, langs: "ps", words: "تېره|تیره|تېرې|تیرې"},
	{kind: kLastPre, langs: "ur", words: "گزشتہ|گذشتہ|پچھلے|پچھلی"},
	{kind: kLastPost, langs: "fa", words: "گذشته|پیش|قبل|هفته گذشته|هفته پیش|هفته قبل"},
	{kind: kLastPost, langs: "ar", words: "الماضي|الماضية|المنصرم"},
	{kind: kLastPost, langs: "ps", words: "تېره|تیره"},
	{kind: kNextPre, langs: "en", words: "next|this coming"},
	{kind: kThisPre, langs: "en", words: "this"},
	{kind: kThisPre, langs: "fa", words: "همین|این"},
	{kind: kThisPre, langs: "ur", words: "اس|اسی"},
	// یکم (first) opens Urdu dates ("یکم مئی"), اول Persian ones ("اول حمل",
	// Nowruz), only before a month name.
	{kind: kDayWord, val: 1, langs: "ur", words: "یکم"},
	{kind: kDayWord, val: 1, langs: "fa", words: "اول"},
	{kind: kRangeSep, langs: "en", words: "to|until|till|through"},
	{kind: kRangeSep, langs: "fa ur", words: "تا|الی"},
	{kind: kRangeSep, langs: "ps", words: "تر|تا"},
	{kind: kRangeSep, langs: "ar", words: "إلى|الى|حتى"},
	{kind: kOnPre, langs: "fa", words: "روز|بروز|در روز|صبح|صبح روز|عصر|عصر روز|ظهر|ظهر روز|بعدازظهر|بعد از ظهر|بامداد|بامداد روز|شامگاه|شامگاه روز"},
	// The part of the day before a weekday ("بعد ظهر السبت"); not ليلة,
	// whose night is the eve of the day it names.
	{kind: kOnPre, langs: "ar", words: "يوم|في يوم|نهار|صباح|صباح يوم|ظهر|بعد ظهر|بعد ظهر يوم|عصر|مساء|مساء يوم|فجر|فجر يوم"},
	{kind: kOnPost, langs: "ur", words: "کو|کے روز|کے دن|کی رات|کی صبح|کی شام|کی سہ پہر|کی دوپہر|کی علی الصبح"},
	{kind: kOnPost, langs: "ps", words: "په ورځ|ورځ|ورځې|په شپه|په سهار|په ماښام|په مازدیګر|په غرمه|ورځې په ماښام"},

	{kind: kNumWord, val: 1, langs: "en", words: "one|a|an"},
	{kind: kNumWord, val: 2, langs: "en", words: "two"},
	{kind: kNumWord, val: 3, langs: "en", words: "three"},
	{kind: kNumWord, val: 4, langs: "en", words: "four"},
	{kind: kNumWord, val: 5, langs: "en", words: "five"},
	{kind: kNumWord, val: 6, langs: "en", words: "six"},
	{kind: kNumWord, val: 7, langs: "en", words: "seven"},
	{kind: kNumWord, val: 10, langs: "en", words: "ten"},
	{kind: kNumWord, val: 1, langs: "fa ur", words: "یک|ایک"},
	{kind: kNumWord, val: 2, langs: "fa ur", words: "دو"},
	{kind: kNumWord, val: 3, langs: "fa ur", words: "سه|تین"},
	{kind: kNumWord, val: 4, langs: "fa ur", words: "چهار|چار"},
	{kind: kNumWord, val: 5, langs: "fa ur", words: "پنج|پانچ"},
	{kind: kNumWord, val: 6, langs: "fa ur", words: "شش|چھ"},
	{kind: kNumWord, val: 7, langs: "fa ur", words: "هفت|سات"},
	{kind: kNumWord, val: 10, langs: "fa ur", words: "ده|دس"},
	{kind: kNumWord, val: 1, langs: "ps", words: "یو|یوه"},
	{kind: kNumWord, val: 2, langs: "ps", words: "دوه"},
	{kind: kNumWord, val: 3, langs: "ps", words: "درې|دری"},
	{kind: kNumWord, val: 4, langs: "ps", words: "څلور"},
	{kind: kNumWord, val: 5, langs: "ps", words: "پنځه"},
	{kind: kNumWord, val: 3, langs: "ar", words: "ثلاثة|ثلاث"},
	{kind: kNumWord, val: 4, langs: "ar", words: "أربعة|أربع"},
	{kind: kNumWord, val: 5, langs: "ar", words: "خمسة|خمس"},
	{kind: kNumWord, val: 6, langs: "ar", words: "ستة|ست"},
	{kind: kNumWord, val: 7, langs: "ar", words: "سبعة|سبع"},
	{kind: kNumWord, val: 10, langs: "ar", words: "عشرة|عشر"},

	{kind: kUnit, val: unitDay, langs: "en", words: "day|days"},
	{kind: kUnit, val: unitWeek, langs: "en", words: "week|weeks"},
	{kind: kUnit, val: unitMonth, langs: "en", words: "month|months"},
	{kind: kUnit, val: unitYear, langs: "en", words: "year|years"},
	{kind: kUnit, val: unitDay, langs: "fa ur", words: "روز|دن"},
	{kind: kUnit, val: unitWeek, langs: "fa ur", words: "هفته|ہفتے|ہفتہ"},
	{kind: kUnit, val: unitMonth, langs: "fa ur", words: "ماه|ماہ|مہینے|مہینہ"},
	{kind: kUnit, val: unitYear, langs: "fa ur", words: "سال|برس"},
	{kind: kUnit, val: unitDay, langs: "ps", words: "ورځ|ورځې"},
	{kind: kUnit, val: unitWeek, langs: "ps", words: "اونۍ|اونۍ|اونیو"},
	{kind: kUnit, val: unitMonth, langs: "ps", words: "میاشت|میاشتې"},
	{kind: kUnit, val: unitYear, langs: "ps", words: "کال|کاله"},
	{kind: kUnit, val: unitDay, langs: "ar", words: "يوم|أيام"},
	{kind: kUnit, val: unitWeek, langs: "ar", words: "أسبوع|أسابيع"},
	{kind: kUnit, val: unitMonth, langs: "ar", words: "شهر|أشهر|شهور"},
	{kind: kUnit, val: unitYear, langs: "ar", words: "عام|أعوام|سنة|سنوات"},
	{kind: kUnit, val: unitDay, n: 2, langs: "ar", words: "يومين"},
	{kind: kUnit, val: unitWeek, n: 2, langs: "ar", words: "أسبوعين"},
	{kind: kUnit, val: unitMonth, n: 2, langs: "ar", words: "شهرين"},
	{kind: kUnit, val: unitYear, n: 2, langs: "ar", words: "عامين|سنتين"},
	{kind: kAgoPost, langs: "en", words: "ago|earlier"},
	{kind: kAgoPost, langs: "fa", words: "پیش|قبل"}, // "دو سال گذشته" is "the past two years"
	{kind: kAgoPost, langs: "ur", words: "پہلے|قبل"},
	{kind: kAgoPost, langs: "ps", words: "مخکې|مخکی|وړاندې|دمخه|پخوا|وړاندی"},
	{kind: kAgoPre, langs: "ar", words: "قبل|منذ"},

	{kind: kMonthPrep, langs: "en", words: "in|on|since|last|this|until|till|during|by|from|early|late|mid|next|before|after"},
	{kind: kTimePre, words: "at|ساعت|الساعة|ساعة|بجے|-|,|در ساعت"},
	// "به ۳ می رسد" is "reaches 3", not "3 May": the verb prefix written
	// with a space instead of a joiner.
	{kind: kVerb, langs: "fa", words: "شود|شوند|رسد|رسند|کند|کنند|گردد|گردند|باشد|باشند|دهد|دهند|آید|آیند|رود|روند|" +
		"گوید|گویند|تواند|توانند|خواهد|خواهند|ماند|مانند|گیرد|گیرند|یابد|یابند|سازد|نماید|نمایند|زند|بیند|داند|کشد|" +
		"شد|شدند|رسید|رسیدند|کرد|کردند|گفت|گفتند|داد|دادند|آمد|آمدند|رفت|رفتند|بود|بودند|باشیم|کنیم|شویم"},
	{kind: kIdiom, langs: "ur", words: "آج کل|کل تعداد|کل ملا کر|کل رقم"},
	// "overnight" is last night as an adverb ("detained … overnight"),
	// not as an adjective ("an overnight raid … Monday").
	{kind: kIdiom, langs: "en", words: "overnight operation|overnight operations|overnight raid|overnight raids|" +
		"overnight search|overnight searches|overnight patrol|overnight patrols|overnight assault|overnight mission|" +
		"overnight missions|overnight curfew|overnight stay|overnight attack|overnight attacks|overnight fighting"},
	{kind: kZone, words: "GMT|UTC|UT|Z"},
	{kind: kAmPm, val: 0, words: "am|a.m.|a.m|ق.ظ|ق ظ|صبح|ص|صباحا|صباحاً"},
	{kind: kAmPm, val: 12, words: "pm|p.m.|p.m|ب.ظ|ب ظ|بعد از ظهر|عصر|شب|م|مساء|مساءً"},
}

// lexicon maps the normalised token sequence of every phrase (joined by
// spaces) to its meanings. first holds the longest phrase length for each
// first token, so that most tokens are dismissed with one map look-up.
type lexicon struct {
	phrases map[string][]entry
	first   map[string]int
}

var lex = buildLexicon()

func buildLexicon() *lexicon {
	l := &lexicon{phrases: map[string][]entry{}, first: map[string]int{}}
	for _, mt := range months {
		for i, names := range mt.names {
			l.addAll(group{kind: kMonth, val: i + 1, cal: mt.cal, langs: mt.langs, words: names})
		}
	}
	for _, wt := range weekdays {
		for i, names := range wt.names {
			l.addAll(group{kind: kWeekday, val: i, langs: wt.langs, words: names})
		}
	}
	for _, g := range groups {
		l.addAll(g)
	}
	return l
}

func (l *lexicon) addAll(g group) {
	for _, w := range strings.Split(g.words, "|") {
		e := entry{kind: g.kind, val: g.val, n: g.n, cal: g.cal, langs: parseLangs(g.langs)}
		if strings.HasPrefix(w, "~") {
			w, e.ambiguous = w[1:], true
		}
		r := []rune(w)[0]
		e.latin = r < 0x250 && unicode.IsLetter(r) && (g.kind == kMonth || g.kind == kWeekday)
		toks := tokenize([]rune(w))
		norms := make([]string, len(toks))
		for i, t := range toks {
			norms[i] = t.norm
		}
		l.add(norms, e)
		// A phrase of several Arabic-script words is also written as one
		// (ذوالقعده, سه‌شنبه with a joiner).
		if len(toks) > 1 && !e.latin && r >= 0x600 {
			l.add([]string{strings.Join(norms, "")}, e)
		}
	}
}

func (l *lexicon) add(norms []string, e entry) {
	key := strings.Join(norms, " ")
	for k, old := range l.phrases[key] {
		if old.kind == e.kind && old.val == e.val && old.n == e.n && old.cal == e.cal && old.latin == e.latin {
			// The same meaning in more languages (normalisation merges
			// spellings): widen it, and keep it ambiguous if any spelling is.
			if old.langs == 0 || e.langs == 0 {
				old.langs = 0
			} else {
				old.langs |= e.langs
			}
			old.ambiguous = old.ambiguous || e.ambiguous
			l.phrases[key][k] = old
			return
		}
	}
	l.phrases[key] = append(l.phrases[key], e)
	l.first[norms[0]] = max(l.first[norms[0]], len(norms))
}

// hit is a phrase found at a token: its meaning and the token after it.
type hit struct {
	entry
	end int
}

// lookupAll finds, for every token, the phrases that begin there and are
// allowed by the language hint.
func (l *lexicon) lookupAll(toks []token, hint langSet) [][]hit {
	hits := make([][]hit, len(toks))
	var b strings.Builder
	for i := range toks {
		n := l.first[toks[i].norm]
		if n == 0 {
			continue
		}
		b.Reset()
		for j := i; j < len(toks) && j < i+n; j++ {
			if j > i {
				b.WriteByte(' ')
			}
			b.WriteString(toks[j].norm)
			for _, e := range l.phrases[b.String()] {
				if e.latin && !toks[i].upper {
					continue
				}
				if hint != 0 && e.langs != 0 && e.langs&hint == 0 && !e.latin {
					continue
				}
				hits[i] = append(hits[i], hit{e, j + 1})
			}
		}
	}
	return hits
}

// splitClitics separates the Arabic conjunctions and prepositions written
// joined to the next word (واليوم, وقبل, بالأمس) when the word itself is
// unknown but its remainder is in the lexicon, so "و" + "اليوم" matches
// as today.
func (l *lexicon) splitClitics(rs []rune, toks []token) []token {
	var out []token
	for _, t := range toks {
		if t.kind != tWord || l.first[t.norm] > 0 {
			out = append(out, t)
			continue
		}
		split := false
		for _, n := range []int{1, 2} { // و, ف, ب, ل, and two together (وب, ول)
			cut := t.start + n
			if cut >= t.end-1 || !strings.ContainsRune("وفبل", rs[cut-1]) {
				break
			}
			rest := normalize(string(rs[cut:t.end]))
			if l.first[rest] == 0 {
				continue
			}
			head := t
			head.end, head.norm = cut, normalize(string(rs[t.start:cut]))
			tail := t
			tail.start, tail.norm, tail.space, tail.upper = cut, rest, false, false
			out = append(out, head, tail)
			split = true
			break
		}
		if !split {
			out = append(out, t)
		}
	}
	return out
}
