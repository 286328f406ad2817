import { APPEAL_MARKER } from './notice-text';

/**
 * How to appeal, in words, with the link the marketplace configures (NOTICE_APPEAL_URL; `{noticeId}`
 * and `{puid}` are filled in). Filled in when a notice is served, so a changed link reaches old
 * notices too, and the text never names our own API route: sellers use the marketplace's pages.
 */
export function withAppealText(text: string, lang: 'en' | 'zh', notice: { id: string; puid: string }, appealUrl: string | undefined): string {
  const link = appealUrl?.replaceAll('{noticeId}', encodeURIComponent(notice.id)).replaceAll('{puid}', encodeURIComponent(notice.puid));
  const sentence =
    lang === 'en'
      ? `If you disagree, you can appeal: open this notice in your seller centre and choose "Appeal"${link ? `, or go to ${link}` : ''}. ` +
        'You may also turn to a certified out-of-court dispute settlement body or to the courts.'
      : `如有异议，您可以提出申诉：在卖家中心打开本通知并选择「申诉」${link ? `，或访问 ${link}` : ''}。` + '您也可以向经认证的庭外争议解决机构或法院寻求救济。';
  return text.replaceAll(APPEAL_MARKER, sentence);
}
