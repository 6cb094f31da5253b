/**
 * The notification receiver, as its own entry point so that node:crypto stays out of the main
 * client bundle: `import { createNotificationReceiver } from "@graph-recording/client/notifications"`.
 */
export {
  type DecryptionKeys,
  decryptContent,
  type EncryptedContent,
} from "./notifications/decrypt.js";
export { toNodeHandler } from "./notifications/node-http.js";
export {
  type ChangeNotification,
  type CommsNotification,
  createNotificationReceiver,
  type NotificationReceiver,
  type NotificationReceiverOptions,
} from "./notifications/receiver.js";
