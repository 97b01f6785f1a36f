using System;

namespace PasswordSafe.UnitTests.Module;

/// <summary>What the fake server saw of one request.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, string? Authorization, string? RunAs, string? Body)
{
    public string Path => Uri.AbsolutePath;

    public bool IsTo(string suffix) => Uri.AbsolutePath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}
