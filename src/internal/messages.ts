import { msg } from '../i18n/localization.js';
import type { ConsentErrorCode } from '../model/errors.js';

/** What a visitor is told for each error code (the technical message goes to the event). */
export function errorMessage(code: ConsentErrorCode): string {
  switch (code) {
    case 'network':
      return msg('We could not reach the consent service. Check your connection and try again.');
    case 'timeout':
      return msg('The consent service took too long to answer. Please try again.');
    case 'rate-limited':
      return msg('The consent service is busy right now. Please try again in a moment.');
    case 'unauthorized':
      return msg('You are not signed in, or your session has ended. Sign in and try again.');
    case 'invalid-response':
      return msg('The consent service sent an answer we could not read. Please try again later.');
    case 'http':
      return msg('The consent service had a problem. Please try again.');
    case 'config':
      return msg('This consent form is not set up correctly.');
    case 'unsupported':
      return msg('This consent service cannot do that.');
    case 'internal':
      return msg('Something went wrong in this consent form. Please try again later.');
  }
}
