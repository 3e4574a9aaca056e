// 'server-only' guards bundles; in unit tests the service layer runs in plain Node.
export {};
