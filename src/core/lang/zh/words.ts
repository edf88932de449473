/**
 * Chinese words for claim recognition, as data. Characters are simplified;
 * `zhNumerals.simplified` maps the traditional and financial forms (萬, 億,
 * 個, 點, 兩, 負, 壹…) onto them, and every lookup goes through it.
 */

/** Traditional and other variant characters by their simplified form's reading. */
const variants: readonly (readonly [string, string])[] = [
  ['萬', '万'], ['億', '亿'], ['個', '个'], ['點', '点'], ['兩', '两'], ['倆', '两'], ['俩', '两'], ['負', '负'],
  ['幾', '几'], ['餘', '余'], ['對', '对'], ['雙', '双'], ['貳', '二'], ['贰', '二'], ['參', '三'], ['叁', '三'],
  ['壹', '一'], ['肆', '四'], ['伍', '五'], ['陸', '六'], ['陆', '六'], ['柒', '七'], ['捌', '八'], ['玖', '九'],
  ['拾', '十'], ['佰', '百'], ['仟', '千'], ['〇', '零'], ['圓', '元'], ['圆', '元'], ['噸', '吨'],
  ['歲', '岁'], ['鐘', '钟'], ['時', '时'], ['週', '周'], ['臺', '台'], ['輛', '辆'], ['項', '项'],
  ['張', '张'], ['條', '条'], ['隻', '只'], ['間', '间'], ['棟', '栋'], ['畝', '亩'], ['層', '层'], ['歐', '欧'],
  ['鎊', '镑'], ['韓', '韩'], ['幣', '币'], ['約', '约'], ['將', '将'], ['僅', '仅'], ['達', '达'], ['與', '与'],
  ['號', '号'], ['場', '场'], ['顆', '颗'], ['處', '处'], ['頭', '头'], ['盞', '盏'],
  ['單', '单'], ['筆', '笔'], ['車', '车'], ['戶', '户'], ['門', '门'], ['級', '级'],
];

/** Numerals, scales and the words that make a numeral a share. */
export const zhNumerals = {
  simplified: new Map(variants) as ReadonlyMap<string, string>,
  digits: new Map([
    ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
  ]) as ReadonlyMap<string, number>,
  /** Places within a section. */
  smallScales: new Map([['十', 10], ['百', 100], ['千', 1000]]) as ReadonlyMap<string, number>,
  /** Sections: each multiplies what stands below it. */
  bigScales: new Map([['万', 1e4], ['亿', 1e8], ['兆', 1e12]]) as ReadonlyMap<string, number>,
  /** An empty place: "一千零五". */
  zero: '零',
  /** The decimal point written as a word: "八点五". */
  point: ['点'],
  half: '半',
  negatives: ['负'],
  /** An unknown digit or "more" before a scale: "二十几万", "十多万", "五百余万". */
  approximate: ['几', '多', '余'],
  /** A dozen: "五十打". */
  dozen: '打',
  /** Tenths of a whole ("三成" = 30%) and of a price ("七五折" = 75% of the price). */
  tenths: '成',
  discount: '折',
  /** Characters after 成 and 折 that make a word of them: 成本, 成为, 折扣, 折合. */
  notTenths: ['本', '为', '功', '立', '长', '交', '绩', '果', '员', '熟', '都', '就', '型', '品', '分', '效', '年', '人', '了', '的', '千', '万', '亿', '百', '十'],
  notDiscount: ['扣', '合', '旧', '算', '叠', '腾', '射', '返', '磨', '服', '线', '损', '页', '价'],
  /** Denominator, then 分之, then numerator: "三分之二". */
  fractionMark: '分之',
  /** A whole and a fraction: "一又二分之一". */
  mixedJoiner: '又',
  percentBefore: '百分之',
  perMille: '千分之',
  perTenThousand: '万分之',
  percentagePoints: '个百分点',
  /** Units that begin with a scale character: "千瓦时" is kilowatt-hours, not a thousand. */
  unitsWithScale: ['千瓦', '千米', '千克', '千卡', '百分点', '千帕', '百帕', '兆瓦', '兆赫', '兆字节'],
};

/** Chinese qualifiers before a quantity, longest first: "不超过" before "超过". */
export const zhQualifiersBefore: readonly string[] = [
  '不超过', '超过', '不少于', '不低于', '不足', '不到', '将近', '接近', '大约', '大概', '约合', '多达', '高达',
  '至少', '最多', '近', '约', '逾', '超', '仅',
];

/** Chinese qualifiers after a quantity: "三千人左右", "二十多". */
export const zhQualifiersAfter: readonly string[] = ['左右', '以上', '以下', '上下', '多', '余'];

/** Chinese currency words after a quantity, longest first. */
export const zhCurrencies: readonly (readonly [string, string])[] = [
  ['元人民币', 'CNY'], ['人民币', 'CNY'], ['美元', 'USD'], ['港元', 'HKD'], ['港币', 'HKD'],
  ['欧元', 'EUR'], ['英镑', 'GBP'], ['日元', 'JPY'], ['韩元', 'KRW'], ['新台币', 'TWD'], ['元', 'CNY'], ['块', 'CNY'],
];

/** Chinese measure units (a quantity with one is a measure). */
export const zhMeasures: ReadonlySet<string> = new Set([
  '吨', '公里', '千米', '米', '平方米', '平方公里', '千瓦时', '千瓦', '兆瓦时', '兆瓦', '瓦时', '度', '千克', '公斤', '桶', '亩',
  '克', '毫克', '微克', '毫升', '立方米', '厘米', '毫米', '公顷', '平方千米', '分贝', '斤',
]);

/** Chinese classifiers after a count ("台", "家", "条"); measures are classifiers too. */
export const zhClassifiers: ReadonlySet<string> = new Set([
  ...zhMeasures,
  '个', '家', '台', '条', '项', '名', '人', '位', '辆', '架', '座', '所', '件', '部', '款', '种', '颗', '片', '户',
  '次', '套', '支', '只', '张', '艘', '批', '起', '例', '份', '册', '本', '篇', '间', '栋', '辆次', '人次',
  '倍', '单', '笔', '枚', '尾', '头', '股', '处', '场', '株', '棵', '盏', '箱', '标准箱', '根', '匹', '首', '幅', '门',
  '架次', '车次', '班次', '双', '对',
]);

/** Chinese words before a bare number that make it a code: "股票代码600519", "邮编：518000". */
export const zhCodeWords: ReadonlySet<string> = new Set([
  '代码', '编码', '编号', '邮编', '号码', '电话', '热线', '传真', '账号', '帐号', '代号', '序号', '学号', '工号', '文号', '证号',
]);

/** Chinese characters after a number that make it a date, time or duration. */
export const zhTimeWords: readonly string[] = [
  '年代', '年', '月', '日', '号', '时', '点', '分钟', '分', '秒', '周年', '周', '天', '小时', '世纪', '季度', '个月', '岁',
];

/** Verbs that make a number after 第 a rank: "排名第12位", "位居第3". */
export const zhRankVerbs: readonly string[] = ['排名', '位居', '位列', '名列', '排在', '居', '列'];

/** Verbs of growth before N倍: "增长一倍" is twice the base, not once. */
export const zhGrowthVerbs: readonly string[] = ['增长', '增加', '提高', '上升', '上涨', '扩大'];
