from security.permission_matrix import Check, expect

# Everyone with a role in the partnership sees its courses and books for themself; the outsider is
# a business unit manager elsewhere, who sees their own partnership's (empty) programme.
EVERYONE = {"no_role": 403}

CHECKS = [
    Check("training:course_list", expect(200, **EVERYONE)),
]
