export { formatPhone } from './phone';
