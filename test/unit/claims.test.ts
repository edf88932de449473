import * as assert from 'node:assert/strict';
import { findClaims } from '../../src/core/claims/find-claims';
import { analyze, defaultSettings, parseSettings } from '../../src/core/index';
import { splitSentences } from '../../src/core/sentences';
import { findAttributions } from '../../src/core/sources/attribution';

interface Expected {
  text: string;
  kind: string;
  value: number;
  valueMax?: number;
  unit?: string | null;
  qualifier?: string;
}

/** Every claim found in `sentence`, with its anchor text. */
function claimsOf(sentence: string): Expected[] {
  return findClaims(sentence, ['en', 'zh']).map((m) => ({
    text: sentence.slice(m.start, m.end),
    kind: m.kind,
    value: m.value ?? NaN,
    ...(m.valueMax !== undefined ? { valueMax: m.valueMax } : {}),
    unit: m.unit,
    ...(m.qualifier ? { qualifier: m.qualifier } : {}),
  }));
}

describe('claim recognition', () => {
  const rows: [string, Expected[]][] = [
    ['China leads the world with 38,210 patents.', [{ text: '38,210', kind: 'count', value: 38210, unit: null }]],
    ['It accounted for 67% of filings.', [{ text: '67%', kind: 'percent', value: 67, unit: null }]],
    ['Funds put over $40 billion toward AI.', [{ text: 'over $40 billion', kind: 'money', value: 4e10, unit: 'USD', qualifier: 'over' }]],
    ['The bank is throwing a trillion Yuan at startups.', [{ text: 'a trillion Yuan', kind: 'money', value: 1e12, unit: 'CNY' }]],
    ['That is six times more than rivals spend.', [{ text: 'six times', kind: 'multiplier', value: 6, unit: null }]],
    ['A quarter of these were filed in 2023.', [{ text: 'A quarter', kind: 'fraction', value: 0.25, unit: null }]],
    ['Four of the top five applicants are local.', [{ text: 'Four of the top five', kind: 'count', value: 4, unit: null }]],
    ['Six of them were injured.', [{ text: 'Six', kind: 'count', value: 6, unit: null }]],
    ['About 40 things were stolen.', [{ text: 'About 40', kind: 'count', value: 40, unit: null, qualifier: 'about' }]],
    ['Wages rose 3½% last year.', [{ text: '3½%', kind: 'percent', value: 3.5, unit: null }]],
    ['It weighs 187g and has a 6.1in screen.', [
      { text: '187g', kind: 'measure', value: 187, unit: 'g' },
      { text: '6.1in', kind: 'measure', value: 6.1, unit: 'in' },
    ]],
    ['Prices rose 2½ times in a decade.', [{ text: '2½ times', kind: 'multiplier', value: 2.5, unit: null }]],
    ['Some 1½ million people moved.', [{ text: 'Some 1½ million', kind: 'count', value: 1.5e6, unit: null, qualifier: 'some' }]],
    ['The firm runs nine plants, three of which will close.', [
      { text: 'nine', kind: 'count', value: 9, unit: null },
      { text: 'three', kind: 'count', value: 3, unit: null },
    ]],
    ['Six of their last eight games ended in victory.', [{ text: 'Six of their last eight', kind: 'count', value: 6, unit: null }]],
    ['Turnout reached 60 per cent.', [{ text: '60 per cent', kind: 'percent', value: 60, unit: null }]],
    ['Sixty percent of voters agreed.', [{ text: 'Sixty percent', kind: 'percent', value: 60, unit: null }]],
    ['百分之六十的企业实现盈利。', [{ text: '百分之六十', kind: 'percent', value: 60, unit: null }]],
    ['出口增长百分之八点五。', [{ text: '百分之八点五', kind: 'percent', value: 8.5, unit: null }]],
    ['用地同比减少1/4。', [{ text: '1/4', kind: 'fraction', value: 0.25, unit: null }]],
    ['收入达三点五亿元。', [{ text: '三点五亿元', kind: 'money', value: 3.5e8, unit: 'CNY' }]],
    ['占比６０％。', [{ text: '６０％', kind: 'percent', value: 60, unit: null }]],
    ['总投资1.2万亿元。', [{ text: '1.2万亿元', kind: 'money', value: 1.2e12, unit: 'CNY' }]],
    ['日均骑行量为150余万次。', [{ text: '150余万次', kind: 'count', value: 1.5e6, unit: null }]],
    ['投资20多亿元。', [{ text: '20多亿元', kind: 'money', value: 2e9, unit: 'CNY' }]],
    ['销售额达３９５．４亿美元。', [{ text: '３９５．４亿美元', kind: 'money', value: 3.954e10, unit: 'USD' }]],
    ['The rate rose 0.5 percentage points.', [{ text: '0.5 percentage points', kind: 'percent', value: 0.5, unit: 'percentage points' }]],
    ['增长了3个百分点。', [{ text: '3个百分点', kind: 'percent', value: 3, unit: 'percentage points' }]],
    ['Sales hit €5.2bn last year.', [{ text: '€5.2bn', kind: 'money', value: 5.2e9, unit: 'EUR' }]],
    ['Profit was £30m.', [{ text: '£30m', kind: 'money', value: 3e7, unit: 'GBP' }]],
    ['The scheme costs £300m-a-year.', [{ text: '£300m-a-year', kind: 'money', value: 3e8, unit: 'GBP' }]],
    ['A $2 billion-per-year subsidy ends.', [{ text: '$2 billion-per-year', kind: 'money', value: 2e9, unit: 'USD' }]],
    ['Donors gave US$1,000 each.', [{ text: 'US$1,000', kind: 'money', value: 1000, unit: 'USD' }]],
    ['The fund holds RMB 5 billion.', [{ text: 'RMB 5 billion', kind: 'money', value: 5e9, unit: 'CNY' }]],
    ['Shares earned 75 cents each.', [{ text: '75 cents', kind: 'money', value: 0.75, unit: 'USD' }]],
    ['The Australian dollar bought 65.12 US cents.', [{ text: '65.12 US cents', kind: 'money', value: 0.6512, unit: 'USD' }]],
    ['The loonie fell to 71 U.S. cents while 5 U.S. dollars bought less.', [
      { text: '71 U.S. cents', kind: 'money', value: 0.71, unit: 'USD' },
      { text: '5 U.S. dollars', kind: 'money', value: 5, unit: 'USD' },
    ]],
    ['It costs roughly 8p in every pound.', [{ text: 'roughly 8p', kind: 'money', value: 0.08, unit: 'GBP', qualifier: 'roughly' }]],
    ['A cup could cost 10 to 25 cents more.', [{ text: '10 to 25 cents', kind: 'money', value: 0.1, valueMax: 0.25, unit: 'USD' }]],
    // A tally is a pair, not a range whose top is below its bottom (spec 8).
    ['The bill passed the Senate 68-32.', [{ text: '68', kind: 'count', value: 68, unit: null }, { text: '32', kind: 'count', value: 32, unit: null }]],
    ['It raised the dividend by two cents to 45 cents.', [
      { text: 'two cents', kind: 'money', value: 0.02, unit: 'USD' },
      { text: '45 cents', kind: 'money', value: 0.45, unit: 'USD' },
    ]],
    ['The price was cut by $5 to $45.', [{ text: '$5', kind: 'money', value: 5, unit: 'USD' }, { text: '$45', kind: 'money', value: 45, unit: 'USD' }]],
    ['Sales should grow by 5% to 7% next year.', [{ text: '5% to 7%', kind: 'percent', value: 5, valueMax: 7, unit: null }]],
    ['Workers save an average of 72 minutes a day.', [{ text: '72 minutes', kind: 'measure', value: 72, unit: 'minutes' }]],
    ['It had a p99 latency of 480 ms; the median fell from 42 ms to 11 ms.', [
      { text: '480 ms', kind: 'measure', value: 480, unit: 'ms' },
      { text: '42 ms', kind: 'measure', value: 42, unit: 'ms' },
      { text: '11 ms', kind: 'measure', value: 11, unit: 'ms' },
    ]],
    ['Patients faced delays of 18 hours.', [{ text: '18 hours', kind: 'measure', value: 18, unit: 'hours' }]],
    ['The strike lasted 19 hours.', [{ text: '19 hours', kind: 'measure', value: 19, unit: 'hours' }]],
    ['The average wait in A&E reached 4.6 hours.', [{ text: '4.6 hours', kind: 'measure', value: 4.6, unit: 'hours' }]],
    ['Waits for surgery rose to nearly 19 weeks.', [{ text: 'nearly 19 weeks', kind: 'measure', value: 19, unit: 'weeks', qualifier: 'nearly' }]],
    ['The talks lasted for five years.', [{ text: 'five years', kind: 'measure', value: 5, unit: 'years' }]],
    ['The flight was delayed by three hours.', [{ text: 'three hours', kind: 'measure', value: 3, unit: 'hours' }]],
    ['The hearing, lasting more than six days, ended.', [{ text: 'more than six days', kind: 'measure', value: 6, unit: 'days', qualifier: 'more than' }]],
    ['He was sentenced to 12 years and jailed for nine months.', [
      { text: '12 years', kind: 'measure', value: 12, unit: 'years' },
      { text: 'nine months', kind: 'measure', value: 9, unit: 'months' },
    ]],
    ['Each pod needs 1.5 GiB instead of 900 MiB.', [
      { text: '1.5 GiB', kind: 'measure', value: 1.5, unit: 'GiB' },
      { text: '900 MiB', kind: 'measure', value: 900, unit: 'MiB' },
    ]],
    ['In Europe, sales grew by a fifth.', [{ text: 'a fifth', kind: 'fraction', value: 0.2, unit: null }]],
    ['Spending saw a rise of nearly a tenth, while staff grew.', [{ text: 'nearly a tenth', kind: 'fraction', value: 0.1, unit: null, qualifier: 'nearly' }]],
    ['A cut of a quarter was announced.', [{ text: 'a quarter', kind: 'fraction', value: 0.25, unit: null }]],
    ['It marked the rise of a third party.', []],
    ['Passes sold 212,000 units, up a fifth.', [{ text: '212,000', kind: 'count', value: 212000, unit: null }, { text: 'a fifth', kind: 'fraction', value: 0.2, unit: null }]],
    ['Exports were down a third.', [{ text: 'a third', kind: 'fraction', value: 1 / 3, unit: null }]],
    ['| Rockaway | 2.4 | +41% |', [{ text: '2.4', kind: 'count', value: 2.4, unit: null }, { text: '+41%', kind: 'percent', value: 41, unit: null }]],
    ['It takes 500ml of water for every 20 questions.', [{ text: '500ml', kind: 'measure', value: 500, unit: 'ml' }, { text: '20', kind: 'count', value: 20, unit: null }]],
    ['Take 5 mg twice a day.', [{ text: '5 mg', kind: 'measure', value: 5, unit: 'mg' }]],
    ['The lake covers 412 square kilometres (159 sq mi).', [
      { text: '412 square kilometres', kind: 'measure', value: 412, unit: 'square kilometres' },
      { text: '159 sq mi', kind: 'measure', value: 159, unit: 'sq mi' },
    ]],
    ['Completions were a third below target.', [{ text: 'a third', kind: 'fraction', value: 1 / 3, unit: null }]],
    ['Empty homes are 1 in every 110 dwellings.', [{ text: '1 in every 110', kind: 'fraction', value: 1 / 110, unit: null }]],
    ['Costs were cut by a third last year.', [{ text: 'a third', kind: 'fraction', value: 1 / 3, unit: null }]],
    ['Attendance is up by nearly a third since May.', [{ text: 'nearly a third', kind: 'fraction', value: 1 / 3, unit: null, qualifier: 'nearly' }]],
    ['Exports were down almost a fifth.', [{ text: 'almost a fifth', kind: 'fraction', value: 0.2, unit: null, qualifier: 'almost' }]],
    ['Growth of between 6.5 percent and 7 percent is the goal.', [
      { text: 'between 6.5 percent and 7 percent', kind: 'percent', value: 6.5, valueMax: 7, unit: null, qualifier: 'between' },
    ]],
    ['They received 6 to 7 trillion RMB in transfers.', [{ text: '6 to 7 trillion RMB', kind: 'money', value: 6e12, valueMax: 7e12, unit: 'CNY' }]],
    ['Subsidies of no less than 10-20 trillion RMB flowed north.', [
      { text: 'no less than 10-20 trillion RMB', kind: 'money', value: 1e13, valueMax: 2e13, unit: 'CNY', qualifier: 'no less than' },
    ]],
    ['Revenue grew threefold.', [{ text: 'threefold', kind: 'multiplier', value: 3, unit: null }]],
    ['Usage tripled in a year.', [{ text: 'tripled', kind: 'change', value: 3, unit: null }]],
    ['The new chip is 3x faster.', [{ text: '3x', kind: 'multiplier', value: 3, unit: null }]],
    // Growth by N times the base is N + 1 times it.
    ['产量增长2倍。', [{ text: '2倍', kind: 'multiplier', value: 3, unit: null }]],
    ['设备出货量同比翻了一番。', [{ text: '翻了一番', kind: 'change', value: 2, unit: null }]],
    ['野外种群已不足100尾。', [{ text: '不足100尾', kind: 'count', value: 100, unit: null, qualifier: '不足' }]],
    ['全年举办展会120场。', [{ text: '120场', kind: 'count', value: 120, unit: null }]],
    ['该市在全国城市排名第12位。', [{ text: '第12位', kind: 'rank', value: 12, unit: null }]],
    ['粮食产量1300亿斤。', [{ text: '1300亿斤', kind: 'measure', value: 1.3e11, unit: '斤' }]],
    ['人均收入翻两番。', [{ text: '翻两番', kind: 'change', value: 4, unit: null }]],
    ['We counted nearly 10,000 firms.', [{ text: 'nearly 10,000', kind: 'count', value: 10000, unit: null, qualifier: 'nearly' }]],
    ['中国内地将超过１亿台。', [{ text: '超过１亿台', kind: 'count', value: 1e8, unit: null, qualifier: '超过' }]],
    ['本次发行数量不超过1.5亿台。', [{ text: '不超过1.5亿台', kind: 'count', value: 1.5e8, unit: null, qualifier: '不超过' }]],
    ['保持年均５％左右的增长。', [{ text: '５％左右', kind: 'percent', value: 5, unit: null, qualifier: '左右' }]],
    ['将会涌现出二三十家企业。', [{ text: '二三十家', kind: 'count', value: 20, valueMax: 30, unit: null }]],
    ['新增２－３条生产线。', [{ text: '２－３条', kind: 'count', value: 2, valueMax: 3, unit: null }]],
    ['投资规模为10万～20万元。', [{ text: '10万～20万元', kind: 'money', value: 1e5, valueMax: 2e5, unit: 'CNY' }]],
    ['招聘３万至５万人。', [{ text: '３万至５万人', kind: 'count', value: 3e4, valueMax: 5e4, unit: null }]],
    ['Funding rose by about one-third from last year.', [{ text: 'about one-third', kind: 'fraction', value: 1 / 3, unit: null, qualifier: 'about' }]],
    ['Almost half of the total went to AI.', [{ text: 'Almost half', kind: 'fraction', value: 0.5, unit: null, qualifier: 'almost' }]],
    ['Two-thirds of users agree.', [{ text: 'Two-thirds', kind: 'fraction', value: 2 / 3, unit: null }]],
    ['The download is less than 800MB.', [{ text: 'less than 800MB', kind: 'measure', value: 800, unit: 'MB', qualifier: 'less than' }]],
    ['Some 50% or more said yes.', [{ text: 'Some 50% or more', kind: 'percent', value: 50, unit: null, qualifier: 'some … or more' }]],
    ['The country ranked 3rd of 190 economies.', [{ text: '3rd of 190', kind: 'rank', value: 3, unit: null }]],
    ['Mozilla paid up to a $1 billion fee.', [{ text: 'up to a $1 billion', kind: 'money', value: 1e9, unit: 'USD', qualifier: 'up to' }]],
    ['The sale is being done in two steps.', [{ text: 'two', kind: 'count', value: 2, unit: null }]],
    ['Fourteen models were approved.', [{ text: 'Fourteen', kind: 'count', value: 14, unit: null }]],
    ['Revenue fell 0.1% to $3.75 billion.', [
      { text: '0.1%', kind: 'percent', value: 0.1, unit: null },
      { text: '$3.75 billion', kind: 'money', value: 3.75e9, unit: 'USD' },
    ]],
    ['Net income was $698 million, or 75 cents per share.', [
      { text: '$698 million', kind: 'money', value: 6.98e8, unit: 'USD' },
      { text: '75 cents', kind: 'money', value: 0.75, unit: 'USD' },
    ]],
    ['Donations reached $163\u00a0million.', [{ text: '$163\u00a0million', kind: 'money', value: 1.63e8, unit: 'USD' }]],
    ['The state spent Rs. 1,200 crore on roads.', [{ text: 'Rs. 1,200 crore', kind: 'money', value: 1.2e10, unit: 'INR' }]],
    ['Solar capacity reached 1,200 gigawatts.', [{ text: '1,200 gigawatts', kind: 'measure', value: 1200, unit: 'gigawatts' }]],
    ['The Fed raised rates by 75 basis points.', [{ text: '75 basis points', kind: 'percent', value: 75, unit: 'basis points' }]],
    ['Temperatures were 1.48°C above the baseline.', [{ text: '1.48°C', kind: 'measure', value: 1.48, unit: '°C' }]],
    ['About 1 in 5 adults has high blood pressure.', [{ text: 'About 1 in 5', kind: 'fraction', value: 0.2, unit: null, qualifier: 'about' }]],
    ['Of the volunteers, 8 out of 10 had mild effects.', [{ text: '8 out of 10', kind: 'fraction', value: 0.8, unit: null }]],
    ['The rate fell to 24 per 100,000 people.', [{ text: '24 per 100,000', kind: 'count', value: 24, unit: 'per 100,000' }]],
    ['The truck weighs 6,603 pounds.', [{ text: '6,603 pounds', kind: 'measure', value: 6603, unit: 'pounds' }]],
    ['More than a third of firms cut jobs.', [{ text: 'More than a third', kind: 'fraction', value: 1 / 3, unit: null, qualifier: 'more than' }]],
    ['Nearly 1m people signed the petition, and 3m households lost power.', [
      { text: 'Nearly 1m', kind: 'count', value: 1e6, unit: null, qualifier: 'nearly' },
      { text: '3m', kind: 'count', value: 3e6, unit: null },
    ]],
    ['The album peaked at number 3 in Britain.', [{ text: 'number 3', kind: 'rank', value: 3, unit: null }]],
    ['The single debuted at No. 12 and later reached No. 4.', [
      { text: 'No. 12', kind: 'rank', value: 12, unit: null },
      { text: 'No. 4', kind: 'rank', value: 4, unit: null },
    ]],
    ['Three quarters of voters backed it.', [{ text: 'Three quarters', kind: 'fraction', value: 0.75, unit: null }]],
    ['About two thirds of the land is farmed.', [{ text: 'About two thirds', kind: 'fraction', value: 2 / 3, unit: null, qualifier: 'about' }]],
    ['生产线增长了一倍。', [{ text: '一倍', kind: 'multiplier', value: 2, unit: null }]],
    ['充电量累计达到3.8亿千瓦时。', [{ text: '3.8亿千瓦时', kind: 'measure', value: 3.8e8, unit: '千瓦时' }]],
    ['车桩比已降至2.4比1。', [{ text: '2.4比1', kind: 'multiplier', value: 2.4, unit: null }]],
    ['城乡居民收入比缩小到2.1∶1。', [{ text: '2.1∶1', kind: 'multiplier', value: 2.1, unit: null }]],
    ['覆盖率仍不足三成。', [{ text: '不足三成', kind: 'percent', value: 30, unit: null, qualifier: '不足' }]],
    ['约3000人参加。', [{ text: '约3000人', kind: 'count', value: 3000, unit: null, qualifier: '约' }]],
    ['The team won three titles in the past five seasons.', [{ text: 'three', kind: 'count', value: 3, unit: null }]],
    ['Xcode weighs 4.5GB and costs $4.99.', [
      { text: '4.5GB', kind: 'measure', value: 4.5, unit: 'GB' },
      { text: '$4.99', kind: 'money', value: 4.99, unit: 'USD' },
    ]],
    ['Temperatures will fall to -3°C tonight.', [{ text: '-3°C', kind: 'measure', value: -3, unit: '°C' }]],
    ['Temperatures hit 41C in Seville and 104F in Phoenix.', [
      { text: '41C', kind: 'measure', value: 41, unit: '°C' },
      { text: '104F', kind: 'measure', value: 104, unit: '°F' },
    ]],
    ['Lows of around -5C are expected.', [{ text: 'around -5C', kind: 'measure', value: -5, unit: '°C', qualifier: 'around' }]],
    ['Output changed by −0.5% and exports by +2.1%.', [
      { text: '−0.5%', kind: 'percent', value: -0.5, unit: null },
      { text: '+2.1%', kind: 'percent', value: 2.1, unit: null },
    ]],
    ['Net cash was -$5 million (-12%).', [
      { text: '-$5 million', kind: 'money', value: -5e6, unit: 'USD' },
      { text: '-12%', kind: 'percent', value: -12, unit: null },
    ]],
    ['Ring 0345 988 1188 about the 3,400 homes.', [{ text: '3,400', kind: 'count', value: 3400, unit: null }]],
    ['A 5,000mAh battery charges at 65W; the 120Hz screen reaches 2,600 nits.', [
      { text: '5,000mAh', kind: 'measure', value: 5000, unit: 'mAh' },
      { text: '65W', kind: 'measure', value: 65, unit: 'W' },
      { text: '120Hz', kind: 'measure', value: 120, unit: 'Hz' },
      { text: '2,600 nits', kind: 'measure', value: 2600, unit: 'nits' },
    ]],
    ['The 50MP camera films at 120fps.', [{ text: '50MP', kind: 'measure', value: 50, unit: 'MP' }, { text: '120fps', kind: 'measure', value: 120, unit: 'fps' }]],
    ['It has a 6.8-inch screen and a 50-megapixel sensor.', [
      { text: '6.8-inch', kind: 'measure', value: 6.8, unit: 'inch' },
      { text: '50-megapixel', kind: 'measure', value: 50, unit: 'megapixel' },
    ]],
    ['The 400-megawatt farm runs along a 10-km ridge.', [
      { text: '400-megawatt', kind: 'measure', value: 400, unit: 'megawatt' },
      { text: '10-km', kind: 'measure', value: 10, unit: 'km' },
    ]],
    ['The lake covers 42.6 km² and holds 1.2 billion cubic metres.', [
      { text: '42.6 km²', kind: 'measure', value: 42.6, unit: 'km²' },
      { text: '1.2 billion cubic metres', kind: 'measure', value: 1.2e9, unit: 'cubic metres' },
    ]],
    ['Flats of 850 sq ft and 300 m² lofts sold.', [
      { text: '850 sq ft', kind: 'measure', value: 850, unit: 'sq ft' },
      { text: '300 m²', kind: 'measure', value: 300, unit: 'm²' },
    ]],
    ['The prosecution will call 12 witnesses.', [{ text: '12', kind: 'count', value: 12, unit: null }]],
    ['Fires burned roughly double the average area.', [{ text: 'roughly double', kind: 'multiplier', value: 2, unit: null, qualifier: 'roughly' }]],
    ['Costs were triple that of 2022.', [{ text: 'triple', kind: 'multiplier', value: 3, unit: null }]],
    ['Fuel costs twice what it did a decade ago.', [{ text: 'twice', kind: 'multiplier', value: 2, unit: null }]],
    ['Rents are now almost double what they were.', [{ text: 'almost double', kind: 'multiplier', value: 2, unit: null, qualifier: 'almost' }]],
    ['Waiting times halved over the season.', [{ text: 'halved', kind: 'change', value: 0.5, unit: null }]],
    ['Fares doubled over five years.', [{ text: 'doubled', kind: 'change', value: 2, unit: null }]],
    ['There were 54.3 offences per 1,000 people and 12 road deaths per 100,000.', [
      { text: '54.3 offences per 1,000', kind: 'count', value: 54.3, unit: 'per 1,000' },
      { text: '12 road deaths per 100,000', kind: 'count', value: 12, unit: 'per 100,000' },
    ]],
    ['每千人口执业医师数为3.4人，每十万人口病床数为620张。', [
      { text: '3.4人', kind: 'count', value: 3.4, unit: null },
      { text: '620张', kind: 'count', value: 620, unit: null },
    ]],
    ['Trust rose by 3 points, with a margin of error of ±2.5 points.', [
      { text: '3 points', kind: 'count', value: 3, unit: 'points' },
      { text: '±2.5 points', kind: 'count', value: 2.5, unit: 'points', qualifier: '±' },
    ]],
    ['The margin is ± 3%.', [{ text: '± 3%', kind: 'percent', value: 3, unit: null, qualifier: '±' }]],
    ['PM2.5平均浓度为每立方米32微克，降水量为812.5毫米，新增造林2.4万公顷。', [
      { text: '32微克', kind: 'measure', value: 32, unit: '微克' },
      { text: '812.5毫米', kind: 'measure', value: 812.5, unit: '毫米' },
      { text: '2.4万公顷', kind: 'measure', value: 24000, unit: '公顷' },
    ]],
    ['约三分之二的受访家庭愿意增加投入，十分之一的学校已关闭。', [
      { text: '约三分之二', kind: 'fraction', value: 2 / 3, unit: null, qualifier: '约' },
      { text: '十分之一', kind: 'fraction', value: 0.1, unit: null },
    ]],
    ['The pupil-teacher ratio reached 20.8:1, against 3:1 for pensioners.', [
      { text: '20.8:1', kind: 'multiplier', value: 20.8, unit: null },
      { text: '3:1', kind: 'multiplier', value: 3, unit: null },
    ]],
    ['Life expectancy at birth is 79.4 years, and the median stay rose to 4.2 days.', [
      { text: '79.4 years', kind: 'measure', value: 79.4, unit: 'years' },
      { text: '4.2 days', kind: 'measure', value: 4.2, unit: 'days' },
    ]],
    ['Rates ranged from 12 to 19 per cent, and prices varied from $5 to $8.', [
      { text: '12 to 19 per cent', kind: 'percent', value: 12, valueMax: 19, unit: null },
      { text: '$5 to $8', kind: 'money', value: 5, valueMax: 8, unit: 'USD' },
    ]],
    ['Estimates ranged from about 40 to 45 per cent.', [
      { text: 'about 40 to 45 per cent', kind: 'percent', value: 40, valueMax: 45, unit: null, qualifier: 'about' },
    ]],
    ['The median age rose from 40 to 43.', [
      { text: '40', kind: 'count', value: 40, unit: null },
      { text: '43', kind: 'count', value: 43, unit: null },
    ]],
    ['Household debt reached 1.4 times annual income; he called 3 times a week.', [
      { text: '1.4 times', kind: 'multiplier', value: 1.4, unit: null },
      { text: '3', kind: 'count', value: 3, unit: null },
    ]],
    ['出生率为6.39‰，死亡率为7.76‰。', [
      { text: '6.39‰', kind: 'percent', value: 6.39, unit: 'per mille' },
      { text: '7.76‰', kind: 'percent', value: 7.76, unit: 'per mille' },
    ]],
    ['Clinics tripled to twenty-three, and wards fell by nine', [
      { text: 'tripled', kind: 'change', value: 3, unit: null },
      { text: 'twenty-three', kind: 'count', value: 23, unit: null },
      { text: 'nine', kind: 'count', value: 9, unit: null },
    ]],
    ['Nitrogen dioxide averaged 38 micrograms per cubic metre, and CO2 421 ppm.', [
      { text: '38 micrograms', kind: 'measure', value: 38, unit: 'micrograms' },
      { text: '421 ppm', kind: 'measure', value: 421, unit: 'ppm' },
    ]],
    ['Pollution exceeded safe limits on 35 days.', [{ text: '35 days', kind: 'measure', value: 35, unit: 'days' }]],
    ['The hospital treated one hundred and twelve patients.', [{ text: 'one hundred and twelve', kind: 'count', value: 112, unit: null }]],
    ['A thousand and fifty people and two hundred twenty-five dogs came.', [
      { text: 'A thousand and fifty', kind: 'count', value: 1050, unit: null },
      { text: 'two hundred twenty-five', kind: 'count', value: 225, unit: null },
    ]],
    ['Population 1,000,000 at its peak.', [{ text: '1,000,000', kind: 'count', value: 1e6, unit: null }]],
    ['Attendance 52,340 on the day.', [{ text: '52,340', kind: 'count', value: 52340, unit: null }]],
  ];
  for (const [sentence, expected] of rows) {
    it(`finds ${expected.map((e) => JSON.stringify(e.text)).join(', ')} in ${JSON.stringify(sentence)}`, () => {
      const got = claimsOf(sentence).map((c) => ({ ...c, value: Number(c.value.toPrecision(10)) }));
      const want = expected.map((e) => ({ ...e, value: Number(e.value.toPrecision(10)) }));
      assert.deepEqual(got, want);
    });
  }
});

describe('what is never a claim', () => {
  const never = [
    'The plan was announced in 2024.',
    'Sales have grown since 2019 and will grow by 2030.',
    'It launched in January 2024 and again on July 3.',
    'Patents filed from 2013 to 2022 were counted.',
    'Music of the 1990s and the ’90s returns.',
    'Results for Q3 and FY2024 are due.',
    'Growth slowed for three quarters in a row.',
    'Profits fell in the last three quarters of 2023.',
    'The town lies at 52°14′N 1°31′W, the summit at 51.5074°N 0.1278°W.',
    'The wreck lies at 40° 26′ 46″ N.',
    'She held a party at No. 10 last week.',
    'She won the 100m hurdles in 2024.',
    'She sat in seat 41C and moved to Flat 4F.',
    'The work took over five years and the past decade.',
    'A 45-year-old engineer joined.',
    'Seniors over 65 and children under five ride free.',
    'It targeted customers aged over 80, staff aged under 18 and workers between 25 and 54.',
    '研发经费连续多年保持两位数增长。',
    'The effect held (p < 0.01) and again (P = 0.03).',
    'Coach Dale Brennan, 54, signed a new deal.',
    'The singer, who turned 40 last month, turns fifty next year.',
    'Put more into your 401(k) and give to a 501(c)(3) charity.',
    'Stream it in 1080p or 720p.',
    'The range was wide (95% CI) at the 90% confidence level.',
    'The vaccine is for people 65 and older, and adults 18 or over may ask.',
    'The Galaxy S24 beat the Qwen 1.5 model and GPT-4.',
    'Windows 11 needs TPM support.',
    'Node.js 22 replaces Vue.js 3 and Socket.io 4 in the stack.',
    'COVID-19 changed the market.',
    'The factory is ISO 9001 certified.',
    'Web 3.0 and 5G and 3D printing are buzzwords.',
    'Police closed the A38, and the S24 and the C3 sold out.',
    'See https://example.com/2024/10/report-55 for more.',
    'Write to analyst42@example.com today.',
    'Call 555-123-4567 for details.',
    'Call +1 (202) 555-0143 or (212) 555-1234 today.',
    'Call 0161 496 0732 or +44 20 7946 0958 today.',
    'Dial 1-888-555-0142, passcode 77341, or ext. 4412.',
    'Anyone with information should call 101, dial 999 or ring tel. 4471, ext. 220.',
    'Police closed the road between junctions 4 and 7, near exit 12.',
    'They met at 10 Downing Street and 1600 Pennsylvania Avenue, then at a 7-Eleven.',
    'The song reached the Top 40.',
    'The table is on page 12 of section 4.',
    'Upgrade to version 1.2.3 now.',
    'It is one of the leaders.',
    'They are the big three of cloud.',
    'At one point it was number one.',
    'A few people came one day.',
    'The other two being smaller, they merged.',
    '２０１０年我国产业复苏。',
    '销售额始终保持世界第一。',
    '“十二五”期间将保持增长。',
    'Sales grew over the first three-quarters of the year.',
    'Beijing Fourth Paradigm and 01.AI were approved.',
    'The firm makes １２英寸 wafers.',
    '公司股票代码600519，邮编：518000。',
    '会议下午三点十五分开始。',
    '《数据安全法》第21条规定了分类分级保护制度。',
    '该车型百公里油耗较低。',
    '会议定于3/15日举行，全天24/7服务。',
    'The deadline is 3/15.',
    'The market opens at 10 a.m. and closes at 4 p.m. on weekdays.',
    'The S&P 500 and the Fortune 500 are lists; Apollo 11 and Chapter 11 are names.',
    'The 2023-24 season starts soon.',
    'They drafted a five-year plan.',
    'The strike, in its 19th hour, lasted into the night after a 19-hour march.',
    'The talks, held over five years, ended when he was sentenced in 2019.',
    'Harvests were hit by two years of drought.',
    'The film can double as a thriller.',
    'The average family moved there and was to stay five years.',
    'Read John 3:16 at 10:30 or at 9:05:2.',
    'He doubled over in pain.',
    'Read more: 5 ways to cut your energy bills.',
    'Here are 10 things to know and 7 reasons why it matters.',
    'The 2-for-1 deal ends soon and books are 3-for-2.',
  ];
  for (const sentence of never) {
    it(`finds nothing in ${JSON.stringify(sentence)}`, () => {
      assert.deepEqual(claimsOf(sentence), []);
    });
  }
});

describe('sentences', () => {
  const rows: [string, string[]][] = [
    ['Sales rose 4%. Costs fell.', ['Sales rose 4%. ', 'Costs fell.']],
    ['The U.S. economy grew 2.5%. It slowed.', ['The U.S. economy grew 2.5%. ', 'It slowed.']],
    ['Revenue hit $3.7 billion, e.g. in Q4. Next.', ['Revenue hit $3.7 billion, e.g. in Q4. ', 'Next.']],
    ['Dr. Smith said 40% agreed. Then he left.', ['Dr. Smith said 40% agreed. ', 'Then he left.']],
    ['Ring tel. 4471, ext. 220 today. Next.', ['Ring tel. 4471, ext. 220 today. ', 'Next.']],
    ['He moved to the U.S. The move cost $5.', ['He moved to the U.S. ', 'The move cost $5.']],
    ['“It grew,” she said. Yes!', ['“It grew,” she said. ', 'Yes!']],
    ['增长２９．５％。销售额达７３４９．５亿元。', ['增长２９．５％。', '销售额达７３４９．５亿元。']],
    ['“将会涌现出二三十家企业。”王龙基称。另一句。', ['“将会涌现出二三十家企业。”王龙基称。', '另一句。']],
  ];
  for (const [text, expected] of rows) {
    it(`splits ${JSON.stringify(text)}`, () => {
      assert.deepEqual(splitSentences(text).map((s) => text.slice(s.start, s.end)), expected);
    });
  }
});

describe('textual attribution', () => {
  const rows: [string, string[]][] = [
    ['Spending reached $40 billion, per McKinsey research.', ['McKinsey']],
    // Spec 8: a speaker named by a role or body is named; a generic group or a bare plural role is not.
    ['The minister said 40% of schools closed.', ['The minister']],
    ['A county spokeswoman told the paper 300 homes flooded.', ['A county spokeswoman']],
    ['Ministry officials estimate 20,000 people attended.', ['Ministry officials']],
    ['Organisers put the crowd at 20,000.', ['Organisers']],
    ['Officials said 40% of schools closed.', []],
    ["Tenants' groups said rents rose 12%.", []],
    // Spec 8: reporting verbs are an open class, read from the pack's lemmas with their inflections.
    ['The IMF expects growth of 3.1%.', ['IMF']],
    ['The ONS published figures showing a 3% rise.', ['ONS']],
    ['Investors put $97 billion into startups.', []],
    ['It was 67%, according to the World Intellectual Property Organization.', ['World Intellectual Property Organization']],
    ['PitchBook found deals fell to $61.6 billion.', ['PitchBook']],
    ['Almost half went to AI, the research firm said.', ['the research firm']],
    ['The company said sales rose 5.5%.', ['The company']],
    ['Stanford HAI’s latest index shows a 60% gap.', ['Stanford HAI']],
    ['A report by IDC found 40% adoption.', ['IDC']],
    ['It powers over 60% of workloads, per a recent report from IDC China.', ['IDC China']],
    ['Growth was 6.7 percent, released Wednesday by China’s National Bureau of Statistics.', ['China’s National Bureau of Statistics']],
    ['Others such as IBM and HP reported a share of 7.5 percent.', ['IBM and HP']],
    ['Sales rose 12% (Source: Stanford HAI).', ['Stanford HAI']],
    ['Dr. Jane Smith, who led the study, said 8 out of 10 improved.', ['Dr. Jane Smith']],
    ['The figures, published on Tuesday, show net migration fell to 685,000.', ['The figures']],
    ['The data, compiled by officials, shows 40% waited.', ['The data']],
    ['Labour claims the cuts will cost 20,000 jobs.', ['Labour']],
    ['The minister claimed 90% of targets had been met.', ['The minister']],
    ['Jobless claims fell to 210,000.', []],
    ['The firm claims 40% of the market.', []],
    ["The Treasury's own analysis puts the cost at £3.1bn.", ['Treasury']],
    ['The ONS estimates put the total at 4,000.', ['ONS']],
    ['The company put 300 staff on furlough.', []],
    ['Their survey found 40% agreed.', ['Their survey']],
    ['His analysis shows a bill of £2m.', ['His analysis']],
    ['The poll of 2,000 adults, carried out by Savanta, put Labour on 44%.', ['Savanta']],
    ['The survey, carried out last month, found 30% agreed.', ['The survey']],
    ['The motion was carried by Labour MPs, 320 to 200.', []],
    ['Eight out of ten GPs said they could not cope, the BMA said.', ['BMA']],
    ['Twelve Labour MPs said 40% backed it.', []],
    ['In Dubai, Four Seasons said 40% of rooms were booked.', ['Four Seasons']],
    ['The Migration Observatory at the University of Oxford said net migration was 685,000.', ['Migration Observatory at the University of Oxford']],
    ['Paul Johnson at the IFS said taxes would rise by £40bn.', ['Paul Johnson at the IFS']],
    ['Q. Critics say it is 80,000 short.', []],
    ['Q. Smith said 40% agree.', ['Smith']],
    ["TSMC, which makes roughly 90% of the world's most advanced chips, said spending would be $40 billion.", ['TSMC']],
    ['"We carried 100,000 riders," the chief executive, Ruth Adebayo, told reporters.', ['Ruth Adebayo']],
    ['Analysts polled by FactSet had expected earnings of $2.18 per share.', ['FactSet']],
    ['The towpath draws 250,000 walkers a year, the Canal & River Trust estimates.', ['Canal & River Trust']],
    ['A YouGov poll for The Times shows 40% support the plan.', ['YouGov', 'Times']],
    ['A survey of more than 5,000 DevOps engineers suggests 40% use AI daily.', []],
    ['In 2023 IDC said shipments fell 12%.', ['IDC']],
    ['A study for the European Commission found 12% of firms use AI.', ['European Commission']],
    ['McKinsey (https://www.mckinsey.com/report) said commitments jumped 20.5%.', ['McKinsey']],
    ['"It is spreading," said Dr. Helen Okafor, who estimated that one person infects 12 to 18 others.', ['Dr. Helen Okafor']],
    ['Rates fell 4%, the Centers for Disease Control and Prevention said.', ['Centers for Disease Control and Prevention']],
    ['Wind added 117 GW, a BloombergNEF analysis found.', ['BloombergNEF']],
    ['Turnout was 66.8%, according to the U.S. Elections Project.', ['U.S. Elections Project']],
    ['Deaths rose to 1,234, according to data compiled by Johns Hopkins.', ['Johns Hopkins']],
    ['The WHO estimates that 1.28 billion adults have hypertension.', ['WHO']],
    ['据中国半导体行业协会统计，市场规模达７３４９．５亿元。', ['中国半导体行业协会']],
    ['据国家统计局数据，销售面积下降10.4%。', ['国家统计局']],
    ['据国家统计局北京调查总队调查，收入增长5%。', ['国家统计局北京调查总队']],
    ['史丹利·迈尔斯指出，市场增长２８７％。', ['史丹利·迈尔斯']],
    ['海关数据显示，出口增长５％。', ['海关数据']],
    ['据统计，全省森林覆盖率达到58.6%。', []],
    ['市生态环境局监测显示，优良天数比例为86.3%。', ['市生态环境局监测']],
    ['第七次全国人口普查显示，城镇人口占63.9%。', ['第七次全国人口普查']],
    ['根据统计，收入增长5%。', []],
    ['其中超过六成受访者对公共服务表示满意。', []],
    ['有65%的家长表示支持。', []],
    ['国家统计局4月16日发布数据显示，增长5.3%。', ['国家统计局数据']],
    ['国家统计局新闻发言人表示，收入增长6.2%。', ['国家统计局新闻发言人']],
    ['“今年新签约项目38个，”市长李明说。', ['市长李明']],
    ['记者从市交通局获悉，全市公交车辆达到8500辆。', ['市交通局']],
    ['市教育局介绍，全市共有学校560所。', ['市教育局']],
    ['该公司披露，净利润为3.2亿元。', ['该公司']],
    ['这部小说，销量达到120万册。', []],
    ['总的来说，全年增长8%。', []],
    ['记者获悉，该项目投资30亿元。', []],
    ['第三季度GDP同比增长4.9%（来源：国家统计局）。', ['国家统计局']],
    ['出口增长5%。资料来源：海关总署、商务部', ['海关总署', '商务部']],
    ['主要收入来源：工资性收入占56%。', []],
    ['工信部相关负责人告诉记者，全国已建成充电桩超过800万台。', ['工信部相关负责人']],
    ['央行数据表明，M2余额同比增长8.7%。', ['央行数据']],
    ['清华大学研究发现，约40%的企业已使用人工智能。', ['清华大学研究']],
    ['中国信通院发布的《白皮书》显示，数字经济规模达50.2万亿元。', ['中国信通院发布的《白皮书》']],
    ['《经济日报》报道，今年新增企业超过300万家。', ['《经济日报》']],
    ['IDC预计，2024年全球PC出货量将下降2%。', ['IDC']],
    ['比亚迪财报显示，营收达6023亿元。', ['比亚迪财报']],
    ['公司公告显示，净利润增长12%。', ['公司公告']],
    ['有报道称，销量增长5%。', []],
    ['今年经济增速预计为5%。', []],
    ['根据国家统计局发布的报告，江苏省数字经济规模增长了7倍。', ['国家统计局']],
    ['根据国家统计局的数据，增长了7倍。', ['国家统计局']],
    ['Sales rose 5%, per data from IDC.', ['IDC']],
    ['The bank held its rate at 4.35 per cent on Tuesday.', []],
    ['It will pay 52 cents per share on Sept. 15.', []],
    ['Output was $65,000 per capita in Norway.', []],
    ['In the United States, about 28% of workdays were remote.', []],
    ['Consumer Reports found 12% of cars failed.', ['Consumer Reports']],
    ['Figures from the Office for National Statistics show fraud rose 10%.', ['Office for National Statistics']],
    ['Data from Eurostat indicate output fell 2%.', ['Eurostat']],
    ['Apple Inc. said sales rose 5%.', ['Apple Inc.']],
    ['Northwind Foods Inc. (NYSE: NWF) reported revenue of $4.12 billion.', ['Northwind Foods Inc. (NYSE: NWF)']],
    ['Sales rose 7%, per statista.com data.', ['statista.com data']],
    ['A poll by YouGov put support at 46%.', ['YouGov']],
    ['A survey by Ipsos pegged turnout at 61%.', ['Ipsos']],
    ['A study by Oxford Economics valued the market at $4 billion.', ['Oxford Economics']],
    ['Data by statista.com gave a share of 12%.', ['statista.com']],
    ['14:32 The Met Office said gusts reached 94mph.', ['Met Office']],
    ['At 14:32 the Met Office said gusts reached 94mph.', ['Met Office']],
    ['Some 5,000 Tesco workers said pay fell 3%.', []],
    ['An estimated 40,000 people attended.', []],
    ['An estimated 12% of voters stayed home.', []],
    ['A calculated 12% of voters stayed home.', []],
    ['The Campaign for Better Transport reckons a third of routes have been cut.', ['Campaign for Better Transport']],
    ['The IFS calculated that 1.2 million families lose out.', ['IFS']],
    ['Sales rose 5%, according to nytimes.com.', ['nytimes.com']],
    ['Heat killed 47,690 people, according to a study published in Nature Medicine.', ['Nature Medicine']],
    ['Sales rose 5%, according to a survey in Germany.', []],
    ['Beds fell 5%, according to an official at the Ministry of Health.', ['Ministry of Health']],
    ['Beds fell 5%, according to the official figures.', ['the official figures']],
    ['Prices rose 12%, Jane Doe, chief economist at Lloyds, told the BBC.', ['Jane Doe']],
    ['Okoro, leader of the council since 2021, said 72% goes on care.', ['Okoro']],
    ['Growth in China, up 12% this year, shows a recovery.', []],
    ['Profits rose 12%, Ruth Smith, 54, said.', ['Ruth Smith']],
    ['“We sold 1,200 tickets,” added Paul Draycott, the club’s manager.', ['Paul Draycott']],
    ['Profits rose 12%, the company confirmed.', ['the company']],
    ['The company added 300 jobs.', []],
    ['“It is 40%,” he added.', []],
    ['About 12% of children are obese, NHS England figures suggest.', ['NHS England']],
    ['Rents rose 12%, a new report from the Resolution Foundation warns.', ['Resolution Foundation']],
    ['He warned that 40% of jobs could go.', []],
    ['The planet is 40 light-years away, researchers reported on Monday in the journal Nature Astronomy.', ['Nature Astronomy']],
    ['Writing in the journal Science, the team said 12% of the reefs had died.', ['Science', 'the team']],
    ['Beds fell 5%, according to a spokesperson from the regional health authority.', ['the regional health authority']],
    ['"We sold 1,200 tickets," said a spokeswoman for the club.', ['the club']],
    ['Beds fell 5%, according to a source at the hospital.', ['the hospital']],
    ['Beds fell 5%, according to a rise from the previous month.', []],
    ['Beds fell 5%, according to people at the meeting.', []],
    ['Beds fell 5%, according to a study at the time.', []],
    // Not named: pronouns, generic sources, respondents being counted.
    ['He said revenue rose 12%.', []],
    ['Experts say costs fell 3%.', []],
    ['Doctors say 40% of beds are full.', []],
    ['Most Americans said prices rose 5%.', []],
    ['In the poll, many Americans said prices rose 5%.', []],
    ['GENEVA (Wire) - Astronomers have found 40 planets.', []],
    ['Meteorologists at the Met Office said rain fell 20% above average.', ['Met Office']],
    ['Fishing groups say the zones would close about 12% of the grounds.', []],
    ['About 55% of respondents said they use AI.', []],
    ['Studies show 40% of jobs change.', []],
    // Spec 8: a verb of forecasting whose subject is named ("the company", a definite description) attributes.
    ['The company forecast revenue of $4.10 billion.', ['The company']],
    ['A survey published in March found 40% agree.', []],
    ['A survey found 62% of nurses work overtime.', []],
    ['Recent research found 30% fewer birds.', []],
    ['A YouGov survey found 62% agree.', ['YouGov']],
    ['Latest ONS figures show 4% inflation.', ['ONS']],
    ['Recent Eurostat data showed 7% growth.', ['Eurostat']],
    ['New York officials said 300 schools closed.', ['New York officials']],
    ["Sales rose 4%, according to Monday's figures.", []],
    ['Costs are $5 per share.', []],
    ['Local bars reported sales up by a quarter.', []],
    ['Sources: Office for National Statistics; Greater London Authority, IDC', ['Office for National Statistics', 'Greater London Authority', 'IDC']],
    ['Barclays said profit rose 9%.', ['Barclays']],
    ['The World Bank, in its latest outlook, estimated growth of 2.4%.', ['World Bank']],
    ['The company, in a statement, said 40 jobs would go.', ['The company']],
    ['Lumen Corp on Wednesday reported revenue of $14.5 billion.', ['Lumen Corp']],
    ['The ministry last week said exports rose 4%.', ['The ministry']],
    ['Revenue beat Wall Street estimates of $13.9 billion.', []],
    ['Goldman Sachs reported a 12% gain.', ['Goldman Sachs']],
    ['Theresa May said 62,000 tickets were sold.', ['Theresa May']],
    ['"Costs rose 12%," said Theresa May, the former prime minister.', ['Theresa May']],
    ['Prime Minister Theresa May told MPs that 40% agreed.', ['Prime Minister Theresa May']],
    ['Figures released in May showed 4% growth.', []],
    ['Offences fell 8%, Home Office figures published on Thursday show.', ['Home Office']],
    ['Exports rose 3%, Eurostat data released today show.', ['Eurostat']],
  ];
  for (const [sentence, names] of rows) {
    it(`names ${JSON.stringify(names)} in ${JSON.stringify(sentence)}`, () => {
      assert.deepEqual(findAttributions(sentence, defaultSettings).map((a) => a.name), names);
    });
  }

  it('takes extra phrases from the settings', () => {
    const { settings } = parseSettings({ attributionPhrases: ['as tallied by'] });
    assert.deepEqual(findAttributions('Votes rose 12%, as tallied by Ipsos.', settings).map((a) => a.name), ['Ipsos']);
  });
});

describe('status and scope', () => {
  const statuses = (text: string, settings = defaultSettings) =>
    analyze(text, { format: 'text', settings }).claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]);

  it('attributes every claim of the sentence, and none of the next (no carry-over)', () => {
    assert.deepEqual(statuses('Deals fell to $61.6 billion from $66.7 billion, PitchBook found. Asia fell to $75.9 billion.'), [
      ['$61.6 billion', 'attributed', ['PitchBook']],
      ['$66.7 billion', 'attributed', ['PitchBook']],
      ['$75.9 billion', 'uncited', []],
    ]);
  });

  it('cites a claim whose sentence holds a bare URL, and lists its textual sources too', () => {
    assert.deepEqual(statuses('Gartner says Linux grew 18.6 percent https://example.org/linux today.'), [
      ['18.6 percent', 'cited', ['Gartner', 'https://example.org/linux']],
    ]);
  });

  it('names a <cite> once when an attributing phrase stands around it', () => {
    const claims = analyze('<p>Remote workers are 52% of the total, according to <cite>Gallup</cite>.</p>', { format: 'html' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => `${s.kind}:${s.label}`)]), [['52%', 'attributed', ['textual:Gallup']]]);
  });

  it('reads a plain-text line that ends in a bracket or a quote mid-sentence as wrapped', () => {
    assert.deepEqual(statuses('Portugal drew 30.0 million visitors last year, Statistics Portugal (INE)\nsaid, a record.'), [
      ['30.0 million', 'attributed', ['Statistics Portugal (INE)']],
    ]);
    assert.deepEqual(statuses('“We counted 147 contracts in the first quarter alone,”\nsaid Hannah Schulz, a partner.\nCosts fell 3%.'), [
      ['147', 'attributed', ['Hannah Schulz']],
      ['3%', 'uncited', []],
    ]);
  });

  it('gives a narrative citation that opens a sentence to that sentence, not the one before', () => {
    const claims = analyze('Malaria killed 608,000 people [@who2023].\n@bhatt2015 estimate that nets averted 68% of cases.\n', { format: 'markdown' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [
      ['608,000', 'cited', ['who2023']],
      ['68%', 'cited', ['bhatt2015']],
    ]);
  });

  it('names a website by its domain in a source line under a table', () => {
    const text = '| Version | Share |\n| --- | --- |\n| 20 | 51% |\n\nSource: nodejs.org download metrics, May 2024.\n';
    const claims = analyze(text, { format: 'markdown' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [
      ['20', 'attributed', ['nodejs.org download metrics']],
      ['51%', 'attributed', ['nodejs.org download metrics']],
    ]);
  });

  it('gives a "Source:" line that closes a caption or paragraph to the sentences above it', () => {
    const html = '<figure><img src="c.png"><figcaption>Care costs rose 12% in two years.<br>Source: Halford Council</figcaption></figure>';
    const claims = analyze(html, { format: 'html' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [['12%', 'attributed', ['Halford Council']]]);
    assert.deepEqual(statuses('Rents rose 5%. Prices rose 2%. Source: ONS. Wages rose 4%.'), [
      ['5%', 'attributed', ['ONS']],
      ['2%', 'attributed', ['ONS']],
      ['4%', 'uncited', []],
    ]);
  });

  it('gives a "Source:" item or row that closes a list or table to all of it', () => {
    const html = '<ul><li>Rents rose 12%.</li><li>Prices fell 3%.</li><li>Source: ONS</li></ul>' +
      '<table><tr><td>North</td><td>41%</td></tr><tr><td colspan="2">Source: YouGov</td></tr></table><p>Fares rose 2%.</p>';
    const claims = analyze(html, { format: 'html' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [
      ['12%', 'attributed', ['ONS']],
      ['3%', 'attributed', ['ONS']],
      ['41%', 'attributed', ['YouGov']],
      ['2%', 'uncited', []],
    ]);
  });

  it('takes the "Source:" part of a credit line set off by a slash or bar', () => {
    const html = '<figure><img src="c.png"><figcaption>Rents rose 9% in a year. Chart: Halford Herald / Source: Halford Council</figcaption></figure>';
    const claims = analyze(html, { format: 'html' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [['9%', 'attributed', ['Halford Council']]]);
    assert.deepEqual(statuses('Fares rose 4%. Graphic: Jo Bloggs | Source: ONS'), [['4%', 'attributed', ['ONS']]]);
    assert.deepEqual(statuses('Fares rose 4%. Chart: Jo Bloggs'), [['4%', 'uncited', []]]);
  });

  it('reads a dash after "Source" at the start of a line as its colon', () => {
    const text = '- North: 41%\n- South: 38%\n\nSource – Office for National Statistics\n\nCosts rose 12%. Source - Halford Council\n';
    const claims = analyze(text, { format: 'markdown' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [
      ['41%', 'attributed', ['Office for National Statistics']],
      ['38%', 'attributed', ['Office for National Statistics']],
      ['12%', 'attributed', ['Halford Council']],
    ]);
    assert.deepEqual(statuses('Rents rose 9%, the source - a council officer - said.'), [['9%', 'uncited', []]]);
  });

  it('gives a "Source:" paragraph right under a figure to its caption and contents', () => {
    const html = '<figure><img src="c.png"><p>Fares rose 14%.</p><figcaption>Bus use fell 6% in two years.</figcaption></figure>' +
      '<p>Source: Halford Council</p><p>Rents rose 9%.</p><p>Source: ONS</p>';
    const claims = analyze(html, { format: 'html' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [
      ['14%', 'attributed', ['Halford Council']],
      ['6%', 'attributed', ['Halford Council']],
      ['9%', 'uncited', []],
    ]);
    const table = '<figure><table><tr><td>Riverside</td><td>412</td></tr></table><figcaption>Largest parks</figcaption></figure>' +
      '<p>Source: Halford Parks Trust</p>';
    assert.deepEqual(analyze(table, { format: 'html' }).claims.map((c) => [c.text, c.status, c.sources.map((s) => s.label)]), [
      ['412', 'attributed', ['Halford Parks Trust']],
    ]);
  });

  it('leaves out page counts that stand alone in a byline or share bar', () => {
    assert.deepEqual(statuses('48 comments'), []);
    assert.deepEqual(statuses('By Jane Doe | 1.4K views · 2.1k shares'), []);
    assert.deepEqual(statuses('Comments: 48'), []);
    assert.deepEqual(statuses('1 of 12'), []);
    assert.deepEqual(statuses('Image 3 of 12: Flooding in Leeds'), []);
    assert.deepEqual(statuses('3 of 12 councils missed the target.'), [['3 of 12', 'uncited', []]]);
    assert.deepEqual(statuses('The video drew 4 million views.'), [['4 million', 'uncited', []]]);
    assert.deepEqual(statuses('The post had 2.1k shares by noon.'), [['2.1k', 'uncited', []]]);
    const table = analyze('| Clip | Views |\n| --- | --- |\n| Launch | 1.4K views |\n', { format: 'markdown' }).claims;
    assert.deepEqual(table.map((c) => c.text), ['1.4K']);
  });

  it('reads a sentence whose only quantity is a multiplier word', () => {
    assert.deepEqual(statuses('The city plans to double the fleet.'), [['double', 'uncited', []]]);
  });

  it('widens the scope to the paragraph by setting', () => {
    const { settings } = parseSettings({ scope: 'paragraph' });
    assert.deepEqual(statuses('Deals fell 12%. That is what PitchBook found.', settings), [['12%', 'attributed', ['PitchBook']]]);
    assert.deepEqual(statuses('Deals fell 12%. That is what PitchBook found.'), [['12%', 'uncited', []]]);
  });

  it('ignores claims matching an ignore pattern', () => {
    const { settings } = parseSettings({ ignorePatterns: ['^\\$5$'] });
    assert.deepEqual(statuses('It cost $5 and then $6.', settings), [
      ['$5', 'ignored', []],
      ['$6', 'uncited', []],
    ]);
  });
});

describe('suppression comments', () => {
  const statuses = (text: string) => analyze(text, { format: 'text' }).claims.map((c) => [c.text, c.status]);

  it('ignores the next line', () => {
    assert.deepEqual(statuses('<!-- claimlens-ignore-next-line -->\n\nRevenue rose 12%.\n\nCosts fell 3%.'), [
      ['12%', 'ignored'],
      ['3%', 'uncited'],
    ]);
  });
  it('ignores a disabled region until enabled', () => {
    assert.deepEqual(statuses('A rose 1%.\n\n<!-- claimlens-disable -->\n\nB rose 2%.\n\n<!-- claimlens-enable -->\n\nC rose 3%.'), [
      ['1%', 'uncited'],
      ['2%', 'ignored'],
      ['3%', 'uncited'],
    ]);
  });
  it('<!-- claimlens-ignore --> ignores the next claim and no other, on its line or a later one', () => {
    assert.deepEqual(statuses('A rose <!-- claimlens-ignore -->1% and B 2%, C <!--claimlens-ignore--> 3%.\nD rose<!-- claimlens-ignore -->\n4% and E 5%.'), [
      ['1%', 'ignored'],
      ['2%', 'uncited'],
      ['3%', 'ignored'],
      ['4%', 'ignored'],
      ['5%', 'uncited'],
    ]);
  });
  it('<!-- claimlens-ignore --> with no claim after it ignores nothing; look-alike comments are not directives', () => {
    assert.deepEqual(statuses('A rose 1%. <!-- claimlens-ignore-everything --> B rose 2%. <!-- claimlens-ignore this --> C rose 3%. <!-- claimlens-ignore -->'), [
      ['1%', 'uncited'],
      ['2%', 'uncited'],
      ['3%', 'uncited'],
    ]);
  });
  it('<!-- claimlens-ignore --> in minified HTML ignores one claim of the line', () => {
    const html = '<p>A rose 1%.</p><p>B rose <!-- claimlens-ignore -->2%.</p><p>C rose 3%.</p>';
    assert.deepEqual(analyze(html, { format: 'html' }).claims.map((c) => [c.text, c.status]), [
      ['1%', 'uncited'],
      ['2%', 'ignored'],
      ['3%', 'uncited'],
    ]);
  });
  it('ignores the whole file', () => {
    assert.deepEqual(statuses('<!-- claimlens-ignore-file -->\n\nA rose 1%. B rose 2%.'), [
      ['1%', 'ignored'],
      ['2%', 'ignored'],
    ]);
  });
});

describe('offsets', () => {
  it('maps claims on lines with emoji and CRLF endings to exact raw ranges', () => {
    const text = 'Title line\r\n\r\n🚀 Revenue rose 12% to $4 billion.\r\nCosts fell 3%.\r\n\r\n中文：增长２９．５％。\r\n';
    const claims = analyze(text, { format: 'text' }).claims;
    assert.deepEqual(claims.map((c) => [c.text, text.slice(c.range.start, c.range.end)]), [
      ['12%', '12%'],
      ['$4 billion', '$4 billion'],
      ['3%', '3%'],
      ['２９．５％', '２９．５％'],
    ]);
  });
});
