// A React app's import of a wrapper (React itself is the app's).
import { ConsentGroupPicker } from 'consent-elements/react';
console.log(ConsentGroupPicker);
