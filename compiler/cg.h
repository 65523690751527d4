/* cg.h — lowering the segments of a scoring program to an LLVM module.
 *
 * One module per ir_program (or per part of it, to compile parts on
 * several threads); one function per segment of its exec_plan
 * (runtime/exec.h), named "seg_N" for segment N, with the C signature
 *
 *   void seg_N(const double *const *inputs, double *const *cols,
 *              int64_t lo, int64_t hi);
 *
 * matching exec_frame: it computes rows [lo, hi) of every materialized slot
 * of the segment, reading `inputs` (p->ninputs columns) and the materialized
 * columns of earlier slots in `cols`, and writing the segment's materialized
 * columns in `cols`.  Any range works, empty or not; it touches no row
 * outside it.
 *
 * Shape of the code.  The segment's materialized slots are split into
 * groups of a few consecutive slots; each group is a never-inlined function
 * seg_N.gK with the same signature as seg_N (inputs and cols `noalias`
 * and `readonly`: the arrays of column pointers are only read).  It loads
 * the column pointers it needs once, before its loop; its body is one loop
 * whose every iteration
 * computes W consecutive rows as vectors of W doubles (the module's
 * vector width, CG_WIDTH unless the caller picks another): straight-line,
 * branch-free (every ir.h operation is fcmp and select), written vector by
 * vector by cg itself rather than left to LLVM's loop vectoriser, so the
 * function has no scalar copy of the body and the optimiser has half the
 * code to work through.  The last iteration of a range that is not a
 * multiple of W rows starts at hi - W and computes again rows the previous
 * iteration computed: every value is a function of its row, so they are
 * written again with the same bits.  A group thus needs at least W rows;
 * seg_N calls the groups on its own arguments for such ranges, and for a
 * shorter range (the end of a small table) points stand-in input and
 * column arrays at a W-row scratch block per column of the segment, copies
 * the rows in, runs the groups on the stand-ins and copies their results
 * back (a small loop driven by a constant table per segment, seg_N.pad,
 * and the helper planc.pad).  Only that path needs memory for them: W
 * doubles per column of the segment and a pointer per index in the range
 * of its input and column indices (about 40 KB for rules/liaoning, about
 * 500 KB for the benchmark's 1,000-target set).  Up to 64 KB
 * (CG_SMALL_STACK, cg.c) they are on the stack, beyond from calloc (freed
 * before seg_N returns; a failed calloc traps), so that a caller's thread
 * with a small stack can run any segment.  Passing the two arrays rather than one
 * argument per column keeps seg_N and its calls small whatever the number
 * of columns: a wrapper with a call of 40 arguments per group cost more to
 * compile than most groups.
 *
 * Lowering an operation knows what the checker's types imply: a slot that
 * can never be NaN (constants, years, scope masks, booleans of such, ISNA,
 * COALESCE with such a fallback) gets no NaN test.  Within a group, every
 * value is held as a small decision tree (cg.c: tnode) whose inner nodes
 * pick a subtree by an i1 vector and whose leaves are constants or vectors:
 * an operation on constants is folded exactly as ir.h computes it, a
 * comparison's i1 vector reaches the SELECT that uses it without a detour
 * through 1.0/0.0, a test already made on a path is not made again, and a
 * vector operation is built only for leaves that are vectors.  So the
 * status and score chains of a target (constants picked by conditions,
 * compared, coalesced, scaled and clamped) reach LLVM as a few selects, and
 * the optimiser, whose floating-point class analysis costs grow with the
 * depth of such chains, receives little left to simplify.  No fast-math
 * flags: the results equal a plain C evaluation of ir.h bit for bit (NaN
 * sign and payload aside: ir.h makes any NaN "missing").  Missing values
 * are NaNs, as ir.h says.
 *
 * What the optimiser gets is shaped to cost it little: a tree's nested
 * selects with a common arm are one select on an or / and of their
 * conditions (an or of a NaN test with an ordered comparison against a
 * number is one unordered fcmp), a division by a power of two is a
 * multiplication, and constant vectors are loaded in each group's entry
 * block from a writable table, planc.kP (hidden; P the part), that no
 * pass can see into: queries of a constant vector's elements were most of
 * default<O3>'s cost (cg.c: konst).  Only +0 in the arms of selects stays
 * a constant (the code generator makes such a select an and of the
 * mask); as an operand of fcmp, and in NaN tests (fcmp uno x, +0 rather
 * than x, x, which InstCombine would turn into a compare with the
 * constant), it is loaded too (cg.c: konst_load).
 *
 * Temporaries live in SSA values.  A materialized slot written before a
 * group runs (by an earlier segment, a barrier, or an earlier group of the
 * same segment, for the same rows) is loaded from its column; any other
 * slot a group needs is recomputed from its operands (it is elementwise by
 * construction), and constants and inputs are always recomputed rather
 * than loaded from a column.
 *
 * Requirements on the caller's columns: every materialized slot has its own
 * array, distinct from the input arrays and from every other slot's array
 * (input arrays may share storage with each other: they are only read). */
#ifndef PLANC_CG_H
#define PLANC_CG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <llvm-c/Core.h>

#include "exec.h"
#include "ir.h"

/* Longest segment function name including the NUL ("seg_4294967295"). */
#define CG_NAME_MAX 24

/* Rows computed by one iteration of a group's loop: the length of its
 * vectors, by default.  4 doubles are one AVX register; on a host without
 * AVX, LLVM splits each vector in two SSE2 registers.  The JIT asks for 8
 * on a host with AVX-512 (jit.c); the widest is CG_MAX_WIDTH. */
#define CG_WIDTH 4
#define CG_MAX_WIDTH 16

/* Most materialized slots one group's loop computes.  A segment is split
 * into groups, one loop function each, so that neither the optimiser's
 * work (superlinear in the size of a function: one fused loop for 40
 * targets took 0.5 s to optimise) nor the number of memory streams of one
 * loop grows with the program.  Temporaries two groups need are computed
 * by both.  Measured on the 40-target benchmark rules (instructions
 * executed by optimise + codegen; kernel time with the rows in cache):
 * 4 roots 1810M, 8 roots 1468M and 58 ns/row, 16 roots 1391M and
 * 53 ns/row, 32 roots 1379M and 57 ns/row.  Again after the tree lowering
 * (cg-3), on rules/liaoning/beautiful-liaoning.plan, the whole jit_create
 * under callgrind: 8 roots 1419M, 16 roots 1344M, 32 roots 1339M.
 * Those kernel times were taken with columns a power of two of lines
 * apart, which stalls a loop of many streams (rt_col_stride in rtmem.h).
 * With the columns apart by an odd number of lines (the twelfth session,
 * an AVX2-only AMD EPYC, planc-bench kernel mem at 400,000 rows, JIT ÷
 * hand C in the same run): 4 roots 1.00-1.03, 8 roots 0.87-1.08,
 * 16 roots 1.22-1.45 (a loop of 16 roots writes 16 columns and reads 11
 * at once), and the Liaoning file compiled in the same time with 8 roots
 * as with 16 (181 against 177 ms warm). */
#define CG_GROUP_ROOTS 8

/* What changes the code cg emits for a given program, besides the
 * program: part of the JIT's cache key (jit.c).  Bump it whenever the
 * lowering changes.  cg-6 (the constant table, joined selects): the
 * Liaoning file's cold compile under callgrind (planc-bench compile
 * liaoning, --reps 1, Release) went from 1,494M to 1,247M instructions,
 * optimise 693M to 473M, codegen 740M to 715M (the generated 1,000
 * targets, planc-bench compile t1000: 24,646M to 20,046M, optimise
 * 12,108M to 7,819M, codegen 12,079M to 11,793M); `planc run --timings
 * --no-cache`, four alternating runs each on a loaded 2-core machine:
 * totals 808-1073 ms before, 607-823 ms after.  Kernels in the same
 * alternation (JIT / hand C): kernel mem at 400,000 rows 0.85-1.46
 * before, 0.85-1.06 after; kernel liaoning at 100,000 rows 0.23-0.30
 * both (no change beyond the noise).  cg-7 (+0 from the table as an
 * operand and in NaN tests): the Liaoning file's cold `planc run
 * --engine jit --no-cache` under callgrind went from 2,171M to 2,051M
 * instructions, optimise 867M to 761M, codegen 1,209M to 1,195M (the
 * 40-target set: 1,200M to 1,166M, optimise 447M to 403M, codegen 683M
 * to 694M); the kernels' instructions per row, from the cache under
 * callgrind (vectors of 4), unchanged: 973.7 and 973.5 for the 40-target
 * set, 60.3 both for the memory-bound set. */
#define CG_VERSION "cg-7"

/* Writes the name of segment `seg`'s function ("seg_N") into buf.  Inline:
 * planc's front end names the functions it finds in a cached library
 * (jit.c) without the back end (backend.h). */
static inline void cg_segment_name(uint32_t seg, char buf[CG_NAME_MAX])
{
    snprintf(buf, CG_NAME_MAX, "seg_%u", seg);
}

/* Lowers every segment of `plan` into a new module named `name` in `ctx`.
 * Returns NULL after printing "planc: internal error: JIT: ..." to `err` when
 * the program breaks an ir.h/exec.h rule (an operand that is not an earlier
 * slot, an input index out of range, a barrier inside a segment, a barrier
 * result that is not materialized) or the module fails LLVM's verifier.
 * The module belongs to the caller (LLVMDisposeModule). */
LLVMModuleRef cg_module(LLVMContextRef ctx, const ir_program *p,
                        const exec_plan *plan, const char *name, FILE *err);

/* The groups of the program are shared out among `nparts` modules, in
 * order, in parts of about equal size, so that the parts can be optimised
 * and compiled on separate threads (each in its own context) and linked
 * together: part 0 also holds every seg_N and the helpers, and declares
 * the groups it calls that live in other parts.  With nparts > 1 the group
 * functions have external linkage (their names are unique in the
 * program).  cg_parts says how many parts are worth making for at most
 * `max` threads: 1 for a small program.  cg_module is part 0 of 1 with
 * vectors of CG_WIDTH. */
unsigned cg_parts(const ir_program *p, const exec_plan *plan, unsigned max);

/* Part `part` of `nparts`, with vectors of `width` doubles (2, 4, 8 or
 * 16; cg_module uses CG_WIDTH).  NULL after an internal error. */
LLVMModuleRef cg_module_part(LLVMContextRef ctx, const ir_program *p,
                             const exec_plan *plan, const char *name, unsigned width,
                             unsigned part, unsigned nparts, FILE *err);

#endif
