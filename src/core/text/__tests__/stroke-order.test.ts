/**
 * 按姓氏笔画排序. Every expected order below was worked out by hand, stroke by stroke, from the
 * mainland standard stroke order (digits: 1 横/提, 2 竖/竖钩, 3 撇, 4 点/捺, 5 折) — not copied from
 * the function's output. Comments give the counts or the first differing stroke that decides a pair.
 */
import fc from 'fast-check';
import orderPlugin from 'cnchar-order';
import { compareByStroke, sortByStroke, strokeCount, strokeKeyOf } from '../stroke-order';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const byName = (names: readonly string[]) => sortByStroke(names, (n) => n);
/** A fixed shuffle (reverse, then interleave halves) so inputs are never already in order. */
function shuffled<T>(items: readonly T[]): T[] {
  const r = [...items].reverse();
  const half = Math.ceil(r.length / 2);
  const out: T[] = [];
  for (let i = 0; i < half; i++) {
    out.push(r[i]);
    if (i + half < r.length) out.push(r[i + half]);
  }
  return out;
}

describe('stroke data (checked against the mainland standard by hand)', () => {
  it.each([
    ['王', 4, '1121'], // 一一丨一
    ['丁', 2, '12'], // 一 亅(竖钩 → 竖)
    ['万', 3, '153'], // 一 𠃌 丿
    ['马', 3, '551'], // 𠃍 ㇉ ㇀(提 → 横)
    ['刘', 6, '413422'], // 丶一丿丶 丨 亅
    ['阝', 2, '52'], // ㇌ 丨
    ['陈', 7, '5215234'], // 阝52 + 东 15234
    ['东', 5, '15234'], // 一 𠃋 亅 丿 丶
    ['李', 7, '1234521'], // 木 1234 + 子 ㇇亅㇀ 521
    ['何', 7, '3212512'], // 亻32 + 可 一丨𠃍一亅 12512
    ['张', 7, '5153154'], // 弓 𠃍一㇉ 515 + 长 丿一𠄌㇏ 3154
    ['尹', 4, '5113'], // 𠃍 一 一 丿
    ['于', 3, '112'],
    ['干', 3, '112'],
    ['必', 5, '45434'], // 丶 ㇃ 丶 丿 丶 (mainland order)
    ['火', 4, '4334'], // 丶 丿 丿 ㇏
    ['北', 5, '21135'], // 丨 一 ㇀ 丿 乚
    ['凸', 5, '21251'], // 丨 一 丨 ㇎ 一
    ['黄', 11, '12212512134'], // mainland 11 (12 in the old form)
    ['锺', 14, '31115312511211'], // 钅 + 重 (corrected: cnchar had 重 out of order)
    ['皙', 13, '1234331232511'], // 木 斤 白 (corrected: cnchar dropped 白's 丿)
  ])('%s: %i strokes, %s', (char, strokes, classes) => {
    expect(strokeCount(char)).toBe(strokes);
    expect(strokeKeyOf(char).chars).toEqual([{ char, strokes, classes }]);
  });

  it('counts traditional characters by their mainland form', () => {
    expect(strokeCount('陳')).toBe(7);
    expect(strokeCount('劉')).toBe(6);
    expect(strokeCount('黃')).toBe(11);
    expect(strokeKeyOf('陳').chars[0].char).toBe('陈');
  });

  it('keeps standard characters that are also traditional forms of others (於 is not 于, 乾 is not 干)', () => {
    expect(strokeCount('於')).toBe(8);
    expect(strokeCount('乾')).toBe(11);
    expect(strokeCount('昇')).toBe(8);
  });

  it('supplements given-name characters missing from the data, built from their components', () => {
    expect(strokeKeyOf('沄').chars[0]).toEqual({ char: '沄', strokes: 7, classes: '4411154' }); // 氵 + 云
    expect(strokeKeyOf('嫄').chars[0]).toEqual({ char: '嫄', strokes: 13, classes: '5311332511234' }); // 女 + 原
    // Written out from each character's standard stroke order, not from the supplement's letters.
    const byHand: [string, string][] = [
      ['蒨', '122' + '32' + '11212511'], // 艹 一丨丨, 亻, 青
      ['矞', '54523' + '2534251'], // 矛 ㇇丶𠃌亅丿, 冏 丨𠃌丿丶丨𠃍一
      ['亶', '41' + '252511' + '25111'], // 亠, 回, 旦
      ['倢', '32' + '15112134'], // 亻, 疌 一𠃍一一丨一丿㇏
      ['冏', '2534251'],
      ['妘', '531' + '1154'],
      ['姁', '531' + '35251'],
      ['姞', '531' + '121251'],
      ['嬿', '531' + '1221251211354444'], // 女, 燕 廿 口 北 灬
      ['宬', '445' + '135534'], // 宀, 成 一丿𠃌㇂丿丶
      ['峣', '252' + '153135'], // 山, 尧 一㇂丿一丿乚
      ['崟', '252' + '34112431'],
      ['忞', '4134' + '4544'],
      ['橦', '1234' + '414312511211'], // 木, 童 立 里
      ['瑢', '1121' + '4453434251'], // 王, 容
      ['畯', '25121' + '5434354'], // 田, 夋 𠃋丶丿丶丿㇇㇏
      ['睎', '25111' + '3413252'], // 目, 希 丿丶一丿丨𠃌丨
      ['秾', '31234' + '453534'], // 禾, 农 丶𠃌丿𠄌丿㇏
      ['簃', '314314' + '31234354354'], // ⺮, 移
      ['翯', '541541' + '4125125251'], // 羽 𠃌丶㇀ (提 is 横) twice, 高
      ['褀', '45234' + '12211134'], // 衤, 其
      ['锜', '31115' + '13412512'], // 钅, 奇 大 可
      ['鹍', '25111535' + '35451'], // 昆, 鸟
    ];
    for (const [char, classes] of byHand) expect([char, strokeKeyOf(char).chars[0]]).toEqual([char, { char, strokes: classes.length, classes }]);
  });

  it('returns null for no data or not exactly one character', () => {
    expect(strokeCount('A')).toBeNull();
    expect(strokeCount('1')).toBeNull();
    expect(strokeCount('𠙶')).toBeNull();
    expect(strokeCount('')).toBeNull();
    expect(strokeCount('王毅')).toBeNull();
  });

  it('maps every stroke letter cnchar-order uses to one of the five classes', () => {
    const orders = (orderPlugin as unknown as { dict: { orders: Record<string, string> } }).dict.orders;
    const entries = Object.entries(orders);
    expect(entries.length).toBeGreaterThan(6000);
    for (const [char, letters] of entries) {
      expect(letters).toMatch(/^[a-z]+$/);
      const key = strokeKeyOf(char);
      if (key.chars[0].char !== char) continue; // a variant folded onto its mainland form (後 → 后)
      expect(key.chars[0].classes).toMatch(/^[1-5]+$/);
      if (char !== '皙' && char !== '锺') expect(key.chars[0].strokes).toBe(letters.length);
    }
  });
});

describe('《通用规范汉字表》 order', () => {
  // The first 300 characters of 《通用规范汉字表》 (2013), 一级字表 0001–0300. The table is ordered by
  // stroke count, then stroke by stroke 横竖撇点折, then finer rules (GF 3002-1999).
  const TABLE =
    '一乙二十丁厂七卜八人入儿匕几九刁了刀力乃又三干于亏工土士才下寸大丈与万上小口山巾千乞川亿个夕久么勺凡丸及广亡门丫义之尸己已巳弓子卫也女刃飞习叉马乡丰王开井天夫元无云专丐扎艺木五支厅不犬太区历歹友尤匹车巨牙屯戈比互切瓦止少曰日中贝冈内水见午牛手气毛壬升夭长仁什片仆化仇币仍仅斤爪反介父从仑今凶分乏公仓月氏勿欠风丹匀乌勾凤六文亢方火为斗忆计订户认冗讥心尺引丑巴孔队办以允予邓劝双书幻玉刊未末示击打巧正扑卉扒功扔去甘世艾古节本术可丙左厉石右布夯戊龙平灭轧东卡北占凸卢业旧帅归旦目且叶甲申叮电号田由只叭史央兄叽叼叫叩叨另叹冉皿凹囚四生矢失乍禾丘付仗代仙们仪白仔他斥瓜乎丛令用甩印尔乐句匆册卯犯外处冬鸟务包饥主';

  it('has stroke data for every character of the excerpt', () => {
    for (const c of TABLE) expect(strokeKeyOf(c).unknownChars).toEqual([]);
  });

  it('puts the characters in non-decreasing stroke count and class sequence', () => {
    const chars = [...TABLE];
    for (let i = 1; i < chars.length; i++) {
      const [a] = strokeKeyOf(chars[i - 1]).chars;
      const [b] = strokeKeyOf(chars[i]).chars;
      const ordered = a.strokes < b.strokes || (a.strokes === b.strokes && a.classes <= b.classes);
      if (!ordered) throw new Error(`${a.char}(${a.strokes} ${a.classes}) before ${b.char}(${b.strokes} ${b.classes})`);
    }
  });

  it('reproduces the table order, except between characters of the same class sequence (then code point)', () => {
    const chars = [...TABLE];
    const disagreements: string[] = [];
    for (let i = 1; i < chars.length; i++) {
      if (compareByStroke(chars[i - 1], chars[i]) > 0) disagreements.push(chars[i - 1] + chars[i]);
    }
    // Exactly the pairs of one stroke count and class sequence that the table (by finer rules on
    // the strokes' shapes) puts in falling code point order: 十 U+5341 before 丁 U+4E01, 巴 before 孔 …
    const tiedFalling = chars.slice(1).flatMap((b, i) => {
      const [x, y] = [chars[i], b].map((c) => strokeKeyOf(c).chars[0]);
      return x.strokes === y.strokes && x.classes === y.classes && x.char.codePointAt(0)! > y.char.codePointAt(0)! ? [chars[i] + b] : [];
    });
    expect(disagreements).toEqual(tiedFalling);
    expect(disagreements).toEqual(expect.arrayContaining(['十丁', '干于', '巴孔']));
  });
});

describe('pairs', () => {
  it.each([
    // ICU's zh-u-co-stroke gets these wrong; the GB rule:
    ['王', '尹'], // 4 = 4: 王 starts 横(1), 尹 starts 折(5)
    ['李', '何'], // 7 = 7: 李 1234521 starts 横, 何 3212512 starts 撇
    ['李', '张'], // 7 = 7: 李 starts 横, 张 5153154 starts 折
    ['何', '张'], // 撇(3) before 折(5)
    ['丁宁', '丁小强'], // same surname: single given name first
    ['王毅', '王沪宁'], // single before double although 毅 15 > 沪 7
    ['李强', '李克强'],
    // stroke count first
    ['丁', '于'], // 2 < 3
    ['马', '王'], // 3 < 4
    ['邓', '石'], // 4 < 5 (阝 counts 2: 又 2 + 阝 2)
    ['陈', '林'], // 7 < 8 (阝 2 + 东 5)
    // same count, decided at the first stroke
    ['方', '尹'], // 4: 方 4153 点 before 尹 5113 折
    ['石', '叶'], // 5: 石 13251 横 before 叶 25112 竖
    ['白', '冯'], // 5: 白 32511 撇 before 冯 41551 点
    // same count and first stroke, decided at the second
    ['江', '许'], // 6: 江 441121 vs 许 453112: 2nd 点 before 折
    ['刘', '许'], // 6: 刘 413422 vs 许 453112: 2nd 横 before 折
    ['吴', '何'], // 7: different first strokes, 竖 before 撇
    ['杜', '李'], // 7: 杜 1234121 vs 李 1234521: 5th 横 before 折
    ['李', '杨'], // 7: 李 1234521 vs 杨 1234533: 6th 竖 before 撇
    ['汪', '沈'], // 7: 汪 4411121 vs 沈 4414535: 4th 横 before 点
    ['郁', '欧'], // 8: 郁 13251152 vs 欧 13453534: 3rd 竖 before 点
    ['林', '欧阳修'], // 8: 林 12341234 vs 欧 13453534: 2nd 竖 before 撇
    ['欧阳修', '金明'], // 8: 欧 横 before 金 34112431 撇 — 复姓 ranked by 欧
    ['栗战书', '贾庆林'], // 10: 栗 1252211234 vs 贾 1252212534: 7th 横 before 竖
    ['黄坤明', '黄奇帆'], // given 8 = 8: 坤 12125112 vs 奇 13412512: 2nd 竖 before 撇
    ['孙春兰', '孙政才'], // given 9 = 9: 春 111342511 vs 政 121213134: 2nd 横 before 竖
    ['陈吉宁', '陈全国'], // given 6 = 6: 吉 121251 vs 全 341121
    // 复姓: ranked by the first character, then fewer characters first, then character by character
    ['欧明', '欧阳修'], // 欧 = 欧; two characters before three
    ['欧阳红梅', '欧阳修'], // longer names character by character: 阳 = 阳, 红 6 < 修 9
    ['马和帕丽', '马岳利'], // 二十大代表名单: 和 31234251 before 岳 32121252 (2nd stroke 横 before 竖)
    ['巴音朝鲁', '巴特尔'], // 十九届中央委员: 音 9 < 特 10, although the name is longer
    ['司马南', '司徒红'], // 司 = 司, three each; 马 3 < 徒 10
    ['司静', '司马南'], // two characters before three
    ['白春礼', '司马南'], // 5: 白 32511 before 司 51251
    ['欧立新', '欧阳修'], // three each: 立 5 < 阳 6 (the 复姓's second character compares like a given name's)
    ['欧阳修', '欧振华'], // three each: 阳 6 < 振 10
    ['司马光', '司建华'], // three each: 马 3 < 建 8
    // same class sequence: code point, as the 二十大代表名单 orders 孔 before 巴 and 次 before 衣
    ['于伟', '干伟'], // 于 U+4E8E < 干 U+5E72 (一一亅, 一一丨: 1 1 2 both)
    ['孔明', '巴明'], // 孔 U+5B54 < 巴 U+5DF4 (5215 both)
    ['次仁顿珠', '衣立东'], // 次 U+6B21 < 衣 U+8863 (413534 both)
    ['叶明', '申明'], // 叶 U+53F6 < 申 U+7533
    ['田明', '由明'], // 田 U+7530 < 由 U+7531
    // traditional characters compare as mainland ones
    ['陳希', '林立'], // 陳 = 陈 7 < 林 8
    ['劉鶴', '孫春蘭'], // 劉 = 刘 413422 vs 孫 = 孙 521234
    ['王毅', '尹力'],
  ])('%s before %s', (a, b) => {
    expect(compareByStroke(a, b)).toBeLessThan(0);
    expect(compareByStroke(b, a)).toBeGreaterThan(0);
  });
});

describe('a list of surnames, ordered by hand', () => {
  // Each surname's class sequence is in the comment of its group; each group is in order.
  const EXPECTED = [
    // 2: 丁 12, 卜 24, 刁 51
    '丁', '卜', '刁',
    // 3: 于 112, 万 153, 上 211, 门 425, 卫 521, 马 551
    '于', '万', '上', '门', '卫', '马',
    // 4: 丰 1112, 王 1121, 井 1132, 元 1135, 韦 1152, 云 1154, 木 1234, 支 1254, 太 1344, 区 1345,
    //    尤 1354, 车 1512, 戈 1534, 牛 3112, 毛 3115, 长 3154, 仇 3235, 公 3454, 乌 3551, 卞 4124,
    //    文 4134, 方 4153, 计 4512, 尹 5113, 孔 5215, 巴 5215, 邓 5452
    //    (孔 ㇇亅㇀乚 and 巴 𠃍丨一乚 share 5215: code point, 孔 U+5B54 < 巴 U+5DF4)
    '丰', '王', '井', '元', '韦', '云', '木', '支', '太', '区', '尤', '车', '戈', '牛', '毛', '长', '仇', '公', '乌',
    '卞', '文', '方', '计', '尹', '孔', '巴', '邓',
    // 5: 玉 11214, 甘 12211, 艾 12234, 古 12251, 左 13121, 石 13251, 龙 13534, 平 14312, 东 15234,
    //    卢 21513, 帅 23252, 叶 25112, 申 25112, 田 25121, 由 25121, 史 25134, 冉 25211, 付 32124,
    //    白 32511, 丛 34341, 印 35152, 乐 35234, 包 35515, 冯 41551, 兰 43111, 宁 44512, 司 51251,
    //    皮 53254, 边 53454, 台 54251, 母 55414 (叶/申 and 田/由: same shapes, code point)
    '玉', '甘', '艾', '古', '左', '石', '龙', '平', '东', '卢', '帅', '叶', '申', '田', '由', '史', '冉', '付', '白',
    '丛', '印', '乐', '包', '冯', '兰', '宁', '司', '皮', '边', '台', '母',
    // 6: 匡 111215, 邢 113252, 戎 113534, 吉 121251, 巩 121354, 朴 123424, 权 123454, 西 125351,
    //    百 132511, 成 135534, 毕 153512, 师 231252, 曲 251221, 吕 251251, 朱 311234, 乔 313432,
    //    伍 321251, 伏 321344, 仲 322512, 任 323121, 华 323512, 伊 325113, 向 325251, 全 341121,
    //    危 351355, 庄 413121, 刘 413422, 齐 413432, 闫 425111, 羊 431112, 关 431134, 米 431234,
    //    江 441121, 池 441525, 汤 441533, 宇 445112, 安 445531, 祁 452452, 许 453112, 农 453534,
    //    那 511352, 阮 521135, 孙 521234, 阳 522511, 阴 523511, 牟 543112, 纪 551515
    '匡', '邢', '戎', '吉', '巩', '朴', '权', '西', '百', '成', '毕', '师', '曲', '吕', '朱', '乔', '伍', '伏', '仲',
    '任', '华', '伊', '向', '全', '危', '庄', '刘', '齐', '闫', '羊', '关', '米', '江', '池', '汤', '宇', '安', '祁',
    '许', '农', '那', '阮', '孙', '阳', '阴', '牟', '纪',
    // 7: 麦 1121354, 严 1224313, 芦 1224513, 苏 1225344, 杜 1234121, 李 1234521, 杨 1234533,
    //    束 1251234, 来 1431234, 连 1512454, 肖 2432511, 时 2511124, 吴 2511134, 里 2511211,
    //    岑 2523445, 利 3123422, 邱 3212152, 何 3212512, 但 3225111, 佟 3235444, 余 3411234,
    //    谷 3434251, 邹 3551152, 应 4134431, 冷 4134454, 辛 4143112, 汪 4411121, 沙 4412343,
    //    沈 4414535, 宋 4451234, 初 4523453, 张 5153154, 陆 5211252, 阿 5212512, 陈 5215234, 邵 5325152
    '麦', '严', '芦', '苏', '杜', '李', '杨', '束', '来', '连', '肖', '时', '吴', '里', '岑', '利', '邱', '何', '但',
    '佟', '余', '谷', '邹', '应', '冷', '辛', '汪', '沙', '沈', '宋', '初', '张', '陆', '阿', '陈', '邵',
    // 8: 武 11212154, 苗 12225121, 范 12244155, 林 12341234, 郁 13251152, 欧 13453534, 卓 21251112,
    //    尚 24325251, 国 25112141, 明 25113511, 易 25113533, 罗 25221354, 和 31234251, 季 31234521,
    //    岳 32121252, 金 34112431, 周 35121251, 庞 41313534, 於 41533444, 郑 43113452, 宗 44511234,
    //    官 44525151, 郎 45115452, 房 45134153, 居 51312251, 屈 51352252, 孟 52125221
    '武', '苗', '范', '林', '郁', '欧', '卓', '尚', '国', '明', '易', '罗', '和', '季', '岳', '金', '周', '庞', '於',
    '郑', '宗', '官', '郎', '房', '居', '屈', '孟',
    // 9: 封 121121124, 项 121132534, 赵 121213434, 郝 121323452, 荆 122113222, 荣 122451234,
    //    胡 122513511, 南 122543112, 柯 123412512, 查 123425111, 相 123425111, 柏 123432511,
    //    柳 123435352, 战 212511534, 哈 251341251, 钟 311152512, 郜 312125152, 段 321113554,
    //    修 322354333, 信 324111251, 皇 325111121, 禹 325125214, 侯 325131134, 俞 341251122,
    //    独 353251214, 饶 355153135, 施 415331525, 闻 425122111, 姜 431121531, 娄 431234531,
    //    宣 445125111, 宫 445251251, 祖 452425111, 祝 452425135, 费 515322534, 胥 521342511,
    //    姚 531341534, 贺 532512534, 骆 551354251 (查 U+67E5 before 相 U+76F8: same classes)
    '封', '项', '赵', '郝', '荆', '荣', '胡', '南', '柯', '查', '相', '柏', '柳', '战', '哈', '钟', '郜', '段', '修',
    '信', '皇', '禹', '侯', '俞', '独', '饶', '施', '闻', '姜', '娄', '宣', '宫', '祖', '祝', '费', '胥', '姚', '贺',
    '骆',
    // 10: 秦 1113431234, 班 1121431121, 敖 1121533134, 袁 1212513534, 都 1213251152, 耿 1221114334,
    //     聂 1221115454, 莫 1222511134, 晋 1224312511, 桂 1234121121, 索 1245554234, 栗 1252211234,
    //     贾 1252212534, 夏 1325111354, 原 1332511234, 顾 1355132534, 柴 2121351234, 党 2434525135,
    //     晁 2511341534, 晏 2511445531, 钱 3111511534, 倪 3232151135, 徐 3323411234, 殷 3351153554,
    //     奚 3443554134, 翁 3454541541, 凌 4112134354, 栾 4122341234, 高 4125125251, 郭 4125152152,
    //     席 4131221252, 唐 4135112251, 浦 4411251124, 海 4413155414, 涂 4413411234, 宾 4453212134,
    //     容 4453434251, 诸 4512132511, 谈 4543344334, 展 5131221534, 陶 5235311252, 姬 5311225125,
    //     桑 5454541234
    '秦', '班', '敖', '袁', '都', '耿', '聂', '莫', '晋', '桂', '索', '栗', '贾', '夏', '原', '顾', '柴', '党', '晁',
    '晏', '钱', '倪', '徐', '殷', '奚', '翁', '凌', '栾', '高', '郭', '席', '唐', '浦', '海', '涂', '宾', '容', '诸',
    '谈', '展', '陶', '姬', '桑',
    // 11: 黄 12212512134, 梅 12343155414, 曹 12512212511, 戚 13211234534, 龚 13534122134,
    //     盛 13553425221, 常 24345251252, 崔 25232411121, 银 31115511534, 符 31431432124,
    //     盘 33541425221, 麻 41312341234, 康 41351124134, 鹿 41352211535, 章 41431251112,
    //     商 41432534251, 盖 43112125221, 梁 44153441234, 寇 44511352154, 宿 44532132511,
    //     谌 45122111345, 扈 45132515215, 逯 51124134454, 尉 51311234124, 屠 51312132511,
    //     隋 52131212511, 隆 52354131121
    '黄', '梅', '曹', '戚', '龚', '盛', '常', '崔', '银', '符', '盘', '麻', '康', '鹿', '章', '商', '盖', '梁', '寇',
    '宿', '谌', '扈', '逯', '尉', '屠', '隋', '隆',
    // 12: 彭 121251431333, 斯 122111343312, 葛 122251135345, 董 122312511211, 蒋 122412354124,
    //     韩 122511121152, 辜 122514143112, 植 123412251111, 惠 125112144544, 覃 125221251112,
    //     粟 125221431234, 景 251141251234, 喻 251341251122, 智 311342512511, 程 312342511121,
    //     焦 324111214444, 储 324512132511, 舒 341122515452, 鲁 352512112511, 童 414312511211,
    //     普 431224312511, 曾 432524312511, 湛 441122111345, 温 441251125221, 游 441415331521,
    //     富 445125125121, 谢 453251113124, 强 515251251214
    '彭', '斯', '葛', '董', '蒋', '韩', '辜', '植', '惠', '覃', '粟', '景', '喻', '智', '程', '焦', '储', '舒', '鲁',
    '童', '普', '曾', '湛', '温', '游', '富', '谢', '强',
    // 13: 靳 1221251123312, 蓝 1222231425221, 蒲 1224411251124, 蒙 1224511353334, 楚 1234123452134,
    //     楼 1234431234531, 雷 1452444425121, 路 2512121354251, 简 3143144252511, 詹 3513344111251,
    //     鲍 3525121135515, 解 3535112533112, 廉 4134315112234, 雍 4155332411121, 满 4411221253434,
    //     窦 4453412544134, 褚 4523412132511
    '靳', '蓝', '蒲', '蒙', '楚', '楼', '雷', '路', '简', '詹', '鲍', '解', '廉', '雍', '满', '窦', '褚',
    // 14: 赫 12132341213234, 慕 12225111342444, 蔡 12235445411234, 蔺 12242532411121,
    //     臧 13513125125534, 裴 21112111413534, 管 31431444525151, 鲜 35251211431112,
    //     廖 41354154134333, 端 41431252132522, 阚 42551221113134, 漆 44112343424134,
    //     谭 45125221251112, 翟 54154132411121, 熊 54251135354444, 缪 55154154134333
    '赫', '慕', '蔡', '蔺', '臧', '裴', '管', '鲜', '廖', '端', '阚', '漆', '谭', '翟', '熊', '缪',
    // 15: 樊 123434341234134, 黎 312343533424134, 滕 351143113424134, 颜 414313333132534, 潘 441343123425121
    '樊', '黎', '滕', '颜', '潘',
    // 16: 燕 1221251211354444, 薛 1223251514143112, 薄 1224411251124124, 霍 1452444432411121,
    //     冀 2113525121122134, 穆 3123432511234333
    '燕', '薛', '薄', '霍', '冀', '穆',
    // 17: 戴 12125121122134534, 鞠 12212511235431234, 檀 12344125251125111, 魏 31234531325113554
    '戴', '鞠', '檀', '魏',
    // 18: 瞿 251112511132411121
    '瞿',
  ];

  it('has at least 60 surnames, each once', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(60);
    expect(new Set(EXPECTED).size).toBe(EXPECTED.length);
  });

  it('sorts them', () => {
    expect(byName(shuffled(EXPECTED))).toEqual(EXPECTED);
    expect([...shuffled(EXPECTED)].sort(compareByStroke)).toEqual(EXPECTED);
  });

  it('orders each adjacent pair', () => {
    for (let i = 1; i < EXPECTED.length; i++) {
      if (compareByStroke(EXPECTED[i - 1], EXPECTED[i]) >= 0) throw new Error(`${EXPECTED[i - 1]} should precede ${EXPECTED[i]}`);
    }
  });
});

describe('a published list', () => {
  // 十九届中央政治局委员, published 按姓氏笔画为序. It shows single given names first (王晨 before
  // 王沪宁, 李希 and 李强 before 李克强, 陈希 before 陈全国), which plain positional comparison would
  // not give (沪 7 < 晨 11; 克 7 = 希 7 but 克 starts 横).
  const PUBLISHED = [
    '丁薛祥', '习近平', '王晨', '王沪宁', '刘鹤', '许其亮', '孙春兰（女）', '李希', '李强', '李克强', '李鸿忠',
    '杨洁篪', '杨晓渡', '汪洋', '张又侠', '陈希', '陈全国', '陈敏尔', '赵乐际', '胡春华', '栗战书', '郭声琨',
    '黄坤明', '韩正', '蔡奇',
  ];
  // 丁 2 < 习 3 (乛丶㇀) < 王 4 < 刘 413422 < 许 453112 < 孙 521234 (6) < 李 1234521 < 杨 1234533
  // < 汪 4411121 < 张 5153154 < 陈 5215234 (7) < 赵 121213434 < 胡 122513511 (9) < 栗 1252211234
  // < 郭 4125152152 (10) < 黄 11 < 韩 12 < 蔡 14; 杨洁篪 before 杨晓渡: 洁 9 < 晓 10.

  it('reproduces its order', () => {
    expect(byName(shuffled(PUBLISHED))).toEqual(PUBLISHED);
  });
});

describe('an official list (名单按姓氏笔画排序)', () => {
  // Names of the kind found on such lists: some borrowed from published ones, some invented. Within one surname: single given names first, then the given name's
  // characters by the same rule. Between surnames: the surname's strokes.
  const EXPECTED = [
    // 2 strokes — 丁 12
    '丁宁', // single given name
    '丁小强', // 小 3
    '丁薛祥', // 薛 16
    // 3 — 于 112 < 万 153 < 马 551
    '于伟国', // 伟 6
    '于忠福', // 忠 8
    '万钢',
    '马凯', // single
    '马兴瑞', // 兴 6
    '马晓天', // 晓 10
    // 4 — 王 1121 < 尹 5113
    '王勇', // single, 勇 9
    '王　毅', // single, 毅 15; padded with U+3000, compared as 王毅
    '王小洪', // 小 3
    '王东明', // 东 5
    '王沪宁', // 沪 7
    '王晓晖', // 晓 10
    '尹力',
    // 5 — 石 13251 < 叶 25112 = 申 25112 (same shapes: 叶 U+53F6 < 申 U+7533) < 田 25121 < 白 32511
    //     < 冯 41551 < 司 51251
    '石泰峰',
    '叶冬松',
    '申长友',
    '田学军',
    '白春礼',
    '冯正霖',
    '司静', // two characters
    '司马南', // 复姓 司马, three characters
    '司徒红梅', // 复姓 司徒, four characters
    // 6 — 刘 413422 < 许 453112 < 孙 521234
    '刘鹤', // single
    '刘延东', // 延 6
    '刘奇葆', // 奇 8, 13412512
    '刘国中', // 国 8, 25112141: 奇 starts 横, 国 竖
    '许其亮',
    '孙春兰（女）', // 春 9, 111342511; annotation ignored
    '孙政才', // 政 9, 121213134: 2nd stroke 横 vs 竖
    // 7 — 李 1234521 < 杨 1234533 < 吴 2511134 < 何 3212512 < 汪 4411121 < 沈 4414535
    //     < 张 5153154 < 陈 5215234
    '李希', // single, 希 7
    '李强', // single, 强 12
    '李干杰', // 干 3
    '李书磊', // 书 4
    '李克强', // 克 7
    '李鸿忠', // 鸿 11
    '杨晶', // single
    '杨洁篪',
    '吴政隆',
    '何卫东', // 卫 3
    '何立峰', // 立 5
    '汪洋',
    '沈跃跃（女）',
    '张又侠', // 又 2
    '张国清', // 国 8
    '张春贤', // 春 9
    '陈希', // single
    '陳　敏', // single, traditional and padded: 陈敏; 希 7 < 敏 11
    '陈文清', // 文 4
    '陈吉宁', // 吉 6, 121251
    '陈全国', // 全 6, 341121
    '陈敏尔', // 敏 11
    // 8 — 林 12341234 < 欧 13453534 < 金 34112431 < 周 35121251 < 郑 43113452
    '林立',
    '欧明', // two characters: before every longer 欧 name
    '欧阳红梅', // longer names character by character: 阳 6, then 红 6
    '歐陽修', // 复姓 欧阳 in traditional characters: 阳 6, then 修 9
    '欧振华', // 振 10
    '金壮龙',
    '周强',
    '郑栅洁',
    // 9 — 赵 121213434 < 胡 122513511 < 钟 311152512 < 姜 431121531
    '赵乐际', // 乐 5
    '赵克志', // 克 7
    '胡和平', // 和 8
    '胡春华', // 春 9
    '钟山',
    '姜信治',
    // 10 — 袁 1212513534 < 栗 1252211234 < 贾 1252212534 < 夏 1325111354 < 钱 3111511534
    //      < 徐 3323411234 < 郭 4125152152
    '袁家军',
    '栗战书',
    '贾庆林',
    '夏宝龙',
    '钱小芊',
    '徐麟',
    '郭声琨', // 声 7
    '郭金龙', // 金 8
    // 11 — 黄 12212512134 < 曹 12512212511 < 梁 44153441234
    '黄坤明', // 坤 12125112
    '黄奇帆', // 奇 13412512: 2nd stroke 竖 vs 撇
    '曹建明',
    '梁言顺',
    // 12 — 彭 121251431333 < 董 122312511211 < 蒋 122412354124 < 韩 122511121152 < 谢 453251113124
    '彭清华',
    '董军',
    '蒋超良',
    '韩正', // single
    '韩长赋',
    '谢伏瞻',
    // 14, 15, 17, 18
    '蔡奇', // single
    '蔡达峰',
    '潘功胜',
    '魏凤和',
    '瞿秋白',
  ];

  it('has more than 60 names, each once', () => {
    expect(EXPECTED.length).toBeGreaterThan(60);
    expect(new Set(EXPECTED).size).toBe(EXPECTED.length);
  });

  it('sorts them, returning the original strings', () => {
    expect(byName(shuffled(EXPECTED))).toEqual(EXPECTED);
    expect(byName([...EXPECTED].reverse())).toEqual(EXPECTED);
    expect([...shuffled(EXPECTED)].sort(compareByStroke)).toEqual(EXPECTED);
  });

  it('orders each adjacent pair', () => {
    for (let i = 1; i < EXPECTED.length; i++) {
      if (compareByStroke(EXPECTED[i - 1], EXPECTED[i]) >= 0) throw new Error(`${EXPECTED[i - 1]} should precede ${EXPECTED[i]}`);
    }
  });
});

describe('what ordering ignores', () => {
  const charsOf = (name: string) => strokeKeyOf(name).chars.map((c) => c.char).join('');

  it.each([
    ['王　毅', '王毅'], // U+3000
    ['王 毅', '王毅'],
    ['王\u00a0毅', '王毅'], // NBSP
    [' 王毅 ', '王毅'],
    ['王\u200b毅', '王毅'],
    ['张三（女，回族）', '张三'],
    ['张三(女)', '张三'],
    ['张三【备注】', '张三'],
    ['张三[ 党员 ]', '张三'],
    ['张三〔挂职〕', '张三'],
    ['张三（女（回族））', '张三'], // nested
    ['张三（女', '张三'], // unclosed
    ['张三）', '张三'], // stray closing bracket
    ['（正职）张三', '张三'],
    ['阿沛·阿旺晋美', '阿沛阿旺晋美'],
    ['陳希', '陈希'],
    ['歐陽修', '欧阳修'],
  ])('%s is ordered as %s', (raw, as) => {
    expect(charsOf(raw)).toBe(as);
    expect(strokeKeyOf(raw).chars).toEqual(strokeKeyOf(as).chars);
  });

  it('puts names equal for ordering next to each other, in a fixed order, and returns them as given', () => {
    const names = ['王沪宁', '王毅（女）', '王　毅', '尹力', '王毅', '王 毅'];
    const sorted = byName(names);
    expect(sorted.slice(0, 4).map(charsOf)).toEqual(['王毅', '王毅', '王毅', '王毅']);
    expect(sorted.slice(4)).toEqual(['王沪宁', '尹力']);
    expect(new Set(sorted)).toEqual(new Set(names));
    expect(byName([...names].reverse())).toEqual(sorted); // tie broken by the original strings, not input order
    expect(compareByStroke('王毅', '王　毅')).not.toBe(0);
  });

  it('sorts 陳 with 陈', () => {
    expect(byName(['林立', '陳希', '李强', '陈希', '张又侠'])).toEqual(['李强', '张又侠', '陈希', '陳希', '林立']);
  });

});

describe('characters without stroke data', () => {
  it('are reported, do not throw, and sort after every Han character by code point', () => {
    expect(strokeKeyOf('John Smith').unknownChars).toEqual(['J', 'o', 'h', 'n', 'S', 'm', 'i', 't']);
    expect(strokeKeyOf('王A1').unknownChars).toEqual(['A', '1']);
    expect(strokeKeyOf('𠙶明').unknownChars).toEqual(['𠙶']);
    expect(strokeKeyOf('王毅').unknownChars).toEqual([]);
    expect(strokeKeyOf('𠙶明').chars[0]).toEqual({ char: '𠙶', strokes: 0, classes: '' });

    const names = ['𠙶明', 'John', '瞿秋白', '王A', '王毅', 'Alice', '王1', '丁宁'];
    expect(byName(names)).toEqual([
      '丁宁',
      '王毅', // 毅 has data
      '王1', // then unknown given-name characters by code point: '1' U+0031 < 'A' U+0041
      '王A',
      '瞿秋白', // the last Han surname (18 strokes) still precedes unknown surnames
      'Alice', // 'A' U+0041
      'John', // 'J' U+004A
      '𠙶明', // U+20676
    ]);
  });

  it('leaves empty names (blank, annotation only) at the end', () => {
    expect(byName(['（空缺）', '王毅', '', '  ', '丁宁'])).toEqual(['丁宁', '王毅', '', '  ', '（空缺）']);
  });

  it('copes with non-string input passed by untyped callers', () => {
    const sloppy = [123, null, '王毅'] as unknown as string[];
    expect(() => byName(sloppy)).not.toThrow();
    expect(() => strokeKeyOf(undefined as unknown as string)).not.toThrow();
  });
});

describe('sortByStroke', () => {
  it('returns a new array and leaves the input alone', () => {
    const input = Object.freeze(['王沪宁', '王毅', '丁宁']);
    const out = sortByStroke(input, (n) => n);
    expect(out).toEqual(['丁宁', '王毅', '王沪宁']);
    expect(out).not.toBe(input);
    expect(input).toEqual(['王沪宁', '王毅', '丁宁']);
  });

  it('sorts records by a name and keeps records with the same name in input order', () => {
    const people = [
      { id: 1, name: '李强' },
      { id: 2, name: '王毅' },
      { id: 3, name: '李强' },
      { id: 4, name: '丁宁' },
    ];
    expect(sortByStroke(people, (p) => p.name).map((p) => p.id)).toEqual([4, 2, 1, 3]);
  });

  // Speed is measured in the benchmarks (npm run bench), not here.
  it('sorts 10,000 names into a consistent order', () => {
    const pool = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏明华国建军平志伟红英文丽强敏静霞芳燕春海玲秀兰陳劉張'];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const names = Array.from({ length: 10_000 }, (_, i) => {
      const length = 2 + Math.floor(next() * 2);
      const name = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]).join('');
      return i % 10 === 0 ? `${name}（女）` : name;
    });
    const sorted = byName(names);
    expect(sorted).toHaveLength(names.length);
    for (let i = 1; i < sorted.length; i++) expect(compareByStroke(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
  });
});

describe('properties', () => {
  const POOL = [...'王李张刘陈杨黄赵吴周孙马胡何林郑于丁万尹叶申田由干相查欧阳司马诸葛毅沪宁小强克希国春政文吉全陳劉歐陽'];
  const EXTRAS = ['　', ' ', '（女）', '(党员)', 'A', '1', '𠙶'];
  const nameArb = fc
    .tuple(
      fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 4 }),
      fc.option(fc.constantFrom(...EXTRAS), { nil: undefined }),
      fc.nat(4),
    )
    .map(([chars, extra, at]) => {
      if (extra === undefined) return chars.join('');
      const i = Math.min(at, chars.length);
      return [...chars.slice(0, i), extra, ...chars.slice(i)].join('');
    });

  it('compareByStroke is antisymmetric and zero only for identical strings', () => {
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        expect(sign(compareByStroke(a, b)) + sign(compareByStroke(b, a))).toBe(0);
        expect(compareByStroke(a, a)).toBe(0);
        expect(compareByStroke(a, b) === 0).toBe(a === b);
      }),
      { numRuns: 500 },
    );
  });

  it('compareByStroke is transitive', () => {
    fc.assert(
      fc.property(nameArb, nameArb, nameArb, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareByStroke);
        expect(compareByStroke(x, y)).toBeLessThanOrEqual(0);
        expect(compareByStroke(y, z)).toBeLessThanOrEqual(0);
        expect(compareByStroke(x, z)).toBeLessThanOrEqual(0);
        if (compareByStroke(a, b) <= 0 && compareByStroke(b, c) <= 0) expect(compareByStroke(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('sortByStroke returns a sorted permutation of its input', () => {
    fc.assert(
      fc.property(fc.array(nameArb, { maxLength: 40 }), (names) => {
        const sorted = byName(names);
        expect([...sorted].sort()).toEqual([...names].sort());
        for (let i = 1; i < sorted.length; i++) expect(compareByStroke(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
        expect(byName(sorted)).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });
});
