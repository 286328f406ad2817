// Placeholder: the webhook delivery work fills this in.
export {};
