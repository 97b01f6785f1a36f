using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// One API call as the emulator answered it: the path under the base (<c>Workgroups</c>), the query string as sent, and
/// the status. Never a header or a body, so never a key, password or token.
/// </summary>
public sealed record ApiCall(DateTimeOffset Time, string Method, string Path, string Query, int StatusCode);
