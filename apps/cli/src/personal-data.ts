/** `clas erase` opens the very store the API uses. */
export { openPersonalData } from '../../api/src/personal-data/open-personal-data.js';
