"""Remote sessions: connection profiles, keyring credentials, per-OS launchers, SSH tunnels, audit."""
