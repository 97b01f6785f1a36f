using System;
using System.IO;
using PasswordSafe.Commands;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// The .rdp/app file of a session: created owner-only (OwnerOnlyFile), filled and renamed into place after the call
/// (PreparedSessionFile), and, when that still fails, an error saying the session exists and how to end it.
/// </summary>
public sealed class SessionFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "passwordsafe-sessionfile-" + Guid.NewGuid().ToString("N"));

    public SessionFileTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void OwnerOnlyFile_OffWindows_IsCreatedReadableAndWritableByItsOwnerOnly()
    {
        var path = Path.Combine(folder, "secret.rdp");

        using (OwnerOnlyFile.CreateNew(path))
        {
        }

        Assert.True(OwnerOnlyFile.CanRestrict);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void OwnerOnlyFile_NeverOpensAnExistingFile()
    {
        var path = Path.Combine(folder, "there.rdp");
        File.WriteAllText(path, "x");

        Assert.Throws<IOException>(() => OwnerOnlyFile.CreateNew(path));
        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void Commit_WritesTheAnswer_WithoutABom_AndRenamesItIntoPlace()
    {
        var path = Path.Combine(folder, "s.rdp");
        var temporary = Path.Combine(folder, ".s.rdp.tmp");

        using var file = new PreparedSessionFile(path, temporary, OwnerOnlyFile.CreateNew(temporary));
        Assert.Equal(path, file.Commit("full address:s:host:4489", "rdpfile", SessionFileWriter.EndRequestSession));

        Assert.Equal(new[] { path }, Directory.GetFiles(folder));
        Assert.Equal("full address:s:host:4489"u8.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void Commit_ThatFailsAfterTheCall_SaysTheSessionWasCreated_AndHowToEndIt_AndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(folder, "s.rdp");
        var temporary = Path.Combine(folder, ".s.rdp.tmp");
        using var file = new PreparedSessionFile(path, temporary, OwnerOnlyFile.CreateNew(temporary));
        Directory.CreateDirectory(path); // -OutFile became a folder while the session was being created

        var error = Assert.Throws<PasswordSafeException>(() => file.Commit("ticket", "rdpfile", SessionFileWriter.EndRequestSession));

        Assert.Equal(ErrorIds.ValidationFailed, error.ErrorId);
        Assert.StartsWith($"The rdpfile session was created on the server, but its file could not be saved to '{path}': ", error.Message);
        Assert.Contains("only copy of the session's one-time ticket", error.Message);
        Assert.StartsWith("End that session: check the request in with Complete-PSRequest", error.RecommendedAction);
        Assert.Contains("Stop-PSAccessSession", error.RecommendedAction);
        Assert.EndsWith("with an -OutFile you can write to.", error.RecommendedAction);
        Assert.False(File.Exists(temporary));
    }

    [Fact]
    public void Dispose_Uncommitted_DeletesTheEmptyFile()
    {
        var temporary = Path.Combine(folder, ".s.rdp.tmp");

        new PreparedSessionFile(Path.Combine(folder, "s.rdp"), temporary, OwnerOnlyFile.CreateNew(temporary)).Dispose();

        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
