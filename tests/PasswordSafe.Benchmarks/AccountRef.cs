namespace PasswordSafe.Benchmarks;

/// <summary>An account both sides check out; taken from the listing so the ids are whatever the emulator generated.</summary>
internal readonly record struct AccountRef(int SystemId, int AccountId);
