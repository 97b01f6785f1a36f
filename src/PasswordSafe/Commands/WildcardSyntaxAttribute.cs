using System;

namespace PasswordSafe.Commands;

/// <summary>
/// On a name parameter that takes no patterns but reads wildcard syntax to refuse them (Block-PSUser -UserName): a name
/// that really has <c>* ? [ ]</c> is given escaped (<c>'web`[01`]'</c>), so tab completion inserts it escaped, as it does
/// for a [SupportsWildcards] parameter (<see cref="WildcardParameters"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WildcardSyntaxAttribute : Attribute
{
}
