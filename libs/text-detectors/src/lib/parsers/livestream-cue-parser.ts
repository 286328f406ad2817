import type { LivestreamCueKind } from '@listinglens/contracts';
import { foldOcrConfusions } from './ocr-confusions';
import { atWordEdges } from './word-edges';

export type { LivestreamCueKind };

export interface LivestreamCue {
  kind: LivestreamCueKind;
  raw: string;
  start: number;
  end: number;
}

const COUNT = String.raw`\d+(?:[.,]\d+)?\s?(?:万|w|W|k|K|m|M|亿)?\+?`;
const PATTERNS: [LivestreamCueKind, RegExp][] = [
  // "LIVE" must be a capitalised badge word on its own; "live" inside a sentence is not a badge. Latin cues
  // are checked whole by atWordEdges, which also sees words glued without spaces ("LIVENOW", "LIVEShop").
  ['live_badge', /LIVE\s?NOW|LIVE|Live|ON\s?AIR|正在直播|直播中|直播间|直播|ライブ|라이브/gu],
  [
    'audience_count',
    new RegExp(
      String.raw`${COUNT}\s?(?:人观看|人在看|观看|在看|人看过|次观看|点赞|本场点赞|赞|watching|viewers|views|likes|시청)|(?:观看|在线|点赞|viewers|watching)\s?[:：]?\s?${COUNT}`,
      'giu',
    ),
  ],
  ['buy_button', /buy\s?now|shop\s?now|add\s?to\s?cart|立即购买|马上购买|去购买|马上抢|立即抢购|去抢购|抢购|小黄车|点击购买|구매하기/giu],
  ['seller_rank', /带货榜\s?第?\s?\d+|人气榜\s?第?\s?\d+|小时榜\s?第?\s?\d+|热榜\s?第?\s?\d+|(?<![A-Za-z])top\s?\d+\s?(?:seller|host|streamer)s?(?![A-Za-z])/giu],
  // Whole words by atWordEdges, which also sees "inFollow" (a word glued before it) as two words.
  ['follow_button', /\+?\s?follow(?:ing)?|\+\s?关注|关注主播|已关注|팔로우/giu],
];

// "name: text" lines of a comment stream. Receipt and label keys ("TOTAL:", "DATE:", "Tel:") are not
// viewers, so a key made of such words never counts.
const COMMENT = /^\s*([\p{L}\p{N}_.-]{2,16})\s?[:：]\s?(\S.{1,60})$/u;
const NOT_A_VIEWER =
  /^(?:total|subtotal|date|time|tel|fax|phone|email|cashier|amount|qty|price|tax|gst|cash|change|invoice|receipt|no|doc|code|member|address|www|http|https|url|size|color|colour|model|brand|sku|weight|material|note|item|order|auth|tid|mid|aid|tvr|iad|tsi|电话|地址|时间|日期|价格|品牌|型号|尺寸|颜色|材质|规格|重量|产地|货号|微信|qq|wechat|whatsapp|line|telegram)$/iu;

// What viewers of a shopping stream write: they bought, or ask how to ("已下单", "上链接", "just ordered").
const ORDER_TALK =
  /已下单|下单了|已拍|拍了|已买|买了|已付款|付款了|上链接|求链接|多少钱|怎么买|还有货|(?<![A-Za-z])(?:just\s?(?:ordered|bought)|ordered|bought\s?(?:it|one|two|2)|link\s?pl(?:ease|s|z)|how\s?much)(?![A-Za-z])|購入しました|買いました|ポチった|구매했|샀어요|주문했/iu;

/** Livestream-shopping UI cues in one line of text. */
export function parseLivestreamCues(read: string): LivestreamCue[] {
  // Matched on the folded line (same length, so positions and boxes hold); see foldOcrConfusions.
  const text = foldOcrConfusions(read);
  const cues: LivestreamCue[] = [];
  for (const [kind, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (!atWordEdges(read, m.index, m.index + m[0].length)) continue;
      cues.push({ kind, raw: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  const comment = COMMENT.exec(text);
  if (comment && isCommentLine(comment[1], comment[2])) {
    cues.push({ kind: 'comment_line', raw: text.trim(), start: 0, end: text.length });
    if (ORDER_TALK.test(comment[2])) cues.push({ kind: 'order_comment', raw: text.trim(), start: 0, end: text.length });
  }
  return cues.sort((a, b) => a.start - b.start);
}

function isCommentLine(name: string, body: string): boolean {
  if (NOT_A_VIEWER.test(name) || /^\d+$/.test(name)) return false;
  // A comment says something in words; "12:30", "¥99" or a serial number after the colon is data.
  return /[\p{L}]{2,}/u.test(body) && !/^[\d\s.,:/\-$¥€%]+$/u.test(body);
}

/** The rule the issue sets: a livestream screen shows at least two different kinds of cue. */
export const MIN_DISTINCT_CUE_KINDS = 2;
/** A comment stream is several comments: one "name: text" line alone is just a label. */
export const MIN_COMMENT_LINES = 2;
