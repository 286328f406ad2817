import { describe, expect, it } from 'vitest';
import { parseLivestreamCues } from './livestream-cue-parser';

const kinds = (text: string) => parseLivestreamCues(text).map((c) => c.kind);

describe('parseLivestreamCues', () => {
  it.each([
    ['LIVE', 'live_badge'],
    ['直播中', 'live_badge'],
    ['12.8万人观看', 'audience_count'],
    ['1.2w 在看', 'audience_count'],
    ['128K watching', 'audience_count'],
    ['3.4万 点赞', 'audience_count'],
    ['Buy Now', 'buy_button'],
    ['立即购买', 'buy_button'],
    ['小黄车', 'buy_button'],
    ['马上抢', 'buy_button'],
    ['带货榜第3', 'seller_rank'],
    ['+ Follow', 'follow_button'],
    ['+关注', 'follow_button'],
    ['小美: 这个颜色好看吗', 'comment_line'],
    ['lily_88: does it come in blue?', 'comment_line'],
    ['阿杰: 已下单', 'order_comment'],
    ['tom_k: just ordered 2!', 'order_comment'],
  ])('%s is a %s cue', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each(['Olive oil', 'TOTAL: 9.00', 'DATE: 25/12/2018', 'Tel: 0111-558 0000', 'live well', 'Color: Blue', 'Deliver'])(
    '%s is no cue',
    (text) => {
      expect(kinds(text)).toEqual([]);
    },
  );
});

describe('a follow button glued to the word before it', () => {
  it('"856 watch inFollow" has a follow button; "unfollow" does not', () => {
    expect(parseLivestreamCues('856 watch inFollow').map((c) => c.kind)).toContain('follow_button');
    expect(parseLivestreamCues('unfollow').map((c) => c.kind)).not.toContain('follow_button');
  });
});
