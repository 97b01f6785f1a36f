using System;
using System.IO;
using System.Text;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// A session file made ready before the session is asked for: an empty, owner-only file next to -OutFile, so a folder
/// that is missing or not writable fails before the server creates a session. <see cref="Commit"/> writes the answer
/// into it and renames it to -OutFile (an existing file is replaced whole, so it never keeps looser permissions);
/// disposed uncommitted, it is deleted.
/// </summary>
internal sealed class PreparedSessionFile : IDisposable
{
    private readonly string _temporaryPath;
    private readonly ClrRuntime _runtime;
    private FileStream? _stream;

    public PreparedSessionFile(string path, string temporaryPath, FileStream stream, ClrRuntime? runtime = null)
    {
        Path = path;
        _temporaryPath = temporaryPath;
        _stream = stream;
        _runtime = runtime ?? ClrRuntime.Current;
    }

    /// <summary>The full path -OutFile resolves to.</summary>
    public string Path { get; }

    /// <summary>
    /// Saves the server's answer. The session exists by now, so a failure says so and how to end it
    /// (<paramref name="howToEnd"/>), since the file was the only copy of its one-time ticket.
    /// </summary>
    public string Commit(string content, string sessionType, string howToEnd)
    {
        try
        {
            using (var writer = new StreamWriter(_stream!, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                _stream = null;
                writer.Write(content);
            }

            if (File.Exists(Path))
            {
                if (ReplacesByDeleteThenMove(_runtime))
                {
                    File.Delete(Path);
                    File.Move(_temporaryPath, Path);
                }
                else
                {
                    File.Replace(_temporaryPath, Path, destinationBackupFileName: null);
                }
            }
            else
            {
                File.Move(_temporaryPath, Path);
            }

            return Path;
        }
        catch (Exception e) when (SessionFileWriter.IsSaveFailure(e))
        {
            Dispose();
            throw new PasswordSafeException(ErrorIds.ValidationFailed,
                $"The {sessionType} session was created on the server, but its file could not be saved to '{Path}': {e.Message} The file was the only copy of the session's one-time ticket.",
                howToEnd + " Then run the command again with an -OutFile you can write to.", e);
        }
    }

    /// <summary>
    /// How the new file takes an existing -OutFile's place. On Windows, File.Replace (ReplaceFile) gives the new file the
    /// replaced one's ACL, attributes and streams, so a one-time ticket would inherit whatever access the old file
    /// allowed; deleting the old file and moving the new one in keeps the new file's own ACL (its folder's, as created).
    /// Elsewhere File.Replace is a rename, which keeps the new file's owner-only mode and never leaves -OutFile missing.
    /// </summary>
    internal static bool ReplacesByDeleteThenMove(ClrRuntime runtime) => runtime.IsWindows;

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        try
        {
            File.Delete(_temporaryPath); // nothing to delete once renamed
        }
        catch (Exception e) when (SessionFileWriter.IsSaveFailure(e))
        {
            // An empty file left behind holds nothing secret; the error that led here matters more.
        }
    }
}
