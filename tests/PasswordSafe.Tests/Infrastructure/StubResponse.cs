namespace PasswordSafe.Tests.Infrastructure;

/// <summary>One scripted answer of <see cref="StubApiServer"/>.</summary>
public sealed record StubResponse(int Status, string ContentType, string Body);
