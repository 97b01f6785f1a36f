using System.Collections.Generic;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// One scripted answer of <see cref="StubApiServer"/>: extra response headers if any, and whether the connection is cut
/// halfway through the body (a Content-Length promising more than is sent).
/// </summary>
public sealed record StubResponse(int Status, string ContentType, string Body,
    IReadOnlyDictionary<string, string>? Headers = null, bool CutMidBody = false);
