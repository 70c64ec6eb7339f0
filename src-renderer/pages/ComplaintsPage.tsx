export { ComplaintsPage } from '../complaints/ComplaintsPage';
